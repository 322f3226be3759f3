/**
 * Images built per tag from a family: the catalogue says a tag exists, the family says what it
 * contains. `retag` reuses a family's image under another tag; `idleImage` stands in for
 * repositories the simulator has no model of.
 */
import { SIGNALS } from '../../kernel/signals.js';
import { idleServer } from '../../programs/servers/idle.js';
import { DEFAULT_PATH, type Image } from '../types.js';
import { busyboxUserland, dirs, merge, ROOT_DIRS } from '../userland.js';
import { imageSize } from './sizes.js';
import { splitTag } from './version.js';

export type FamilyBuild = (repository: string, tag: string) => Image;

export function retag(template: Image, repository: string, tag: string, patch: Partial<Image> = {}): Image {
  const size = imageSize(repository, splitTag(tag).variant, template.size);
  return { ...template, name: repository, tags: [tag], size, ...patch, files: { ...template.files, ...patch.files } };
}

/** A family that is one image whatever the tag. */
export const sameImage =
  (template: Image): FamilyBuild =>
  (repository, tag) =>
    retag(template, repository, tag);

export function idleImage(repository: string, tag: string): Image {
  const binary = `/usr/local/bin/${repository.slice(repository.lastIndexOf('/') + 1)}`;
  return {
    name: repository,
    tags: [tag],
    ...merge(busyboxUserland('busybox'), { files: dirs(ROOT_DIRS.busybox), binaries: { [binary]: idleServer } }),
    config: { entrypoint: [binary], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
    size: imageSize(repository, splitTag(tag).variant, 24_000_000),
    flavor: 'busybox',
  };
}
