/**
 * Volume sources the golden pods do not cover. Expected text: kubectl release-1.32
 * pkg/describe/describe.go (describeVolumes, printImageVolumeSource), laid out by describe's tabwriter.
 */
import { describe, expect, it } from 'vitest';
import { PrefixWriter } from './prefix-writer.js';
import { describeVolumes } from './volumes.js';

describe('describe Volumes', () => {
  it('an image volume (tasks/configure-pod-container/image-volumes) shows its reference and pull policy', () => {
    const w = new PrefixWriter();
    describeVolumes(w, [{ name: 'volume', image: { reference: 'quay.io/crio/artifact:v1', pullPolicy: 'IfNotPresent' } } as never]);
    expect(w.toString()).toBe('Volumes:\n  volume:\n    Type:        Image (a container image or OCI artifact)\n    Reference:   quay.io/crio/artifact:v1\n    PullPolicy:  IfNotPresent\n');
  });
});
