import { describe, expect, it } from 'vitest';
import { FileSystem } from '../kernel/fs.js';
import { KUBEADM_FILE_CONFIG, KUBEADM_KUBELET_CONFIG, KUBELET_CONFIG_PATH, readKubeletConfig } from './node-files.js';

const withConfig = (text: string) => {
  const fs = new FileSystem(() => 0);
  fs.mkdir('/var/lib/kubelet', true);
  fs.writeFile(KUBELET_CONFIG_PATH, text);
  return fs;
};

describe("the kubelet's config file", () => {
  it("gives kubeadm's file the values the file itself says, read through the YAML parser", () => {
    // The same text with one more comment is not kubeadm's own any more, so it is parsed.
    expect(readKubeletConfig(withConfig(`# edited\n${KUBEADM_KUBELET_CONFIG}`))).toEqual(KUBEADM_FILE_CONFIG);
    expect(readKubeletConfig(withConfig(KUBEADM_KUBELET_CONFIG))).toEqual(KUBEADM_FILE_CONFIG);
  });

  it('takes a changed staticPodPath and fileCheckFrequency; an unparsable file leaves the defaults', () => {
    const edited = KUBEADM_KUBELET_CONFIG.replace('staticPodPath: /etc/kubernetes/manifests', 'staticPodPath: /srv/pods').replace('fileCheckFrequency: 0s', 'fileCheckFrequency: 5s');
    expect(readKubeletConfig(withConfig(edited))).toEqual({ staticPodPath: '/srv/pods', fileCheckMs: 5000 });
    expect(readKubeletConfig(withConfig('staticPodPath: [unclosed'))).toEqual({ fileCheckMs: 20_000 });
    expect(readKubeletConfig(new FileSystem(() => 0))).toEqual({ fileCheckMs: 20_000 });
  });
});
