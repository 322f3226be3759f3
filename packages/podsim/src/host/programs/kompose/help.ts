/** kompose 1.34's flags and cobra's help pages for its commands. */
import { flagUsages, type FlagSpec } from './flags.js';

export const VERSION = '1.34.0 (cbf2835db)';

export const ROOT_FLAGS: FlagSpec[] = [
  { long: 'verbose', short: 'v', usage: 'verbose output', def: 'false' },
  { long: 'suppress-warnings', usage: 'Suppress all warnings', def: 'false' },
  { long: 'error-on-warning', usage: 'Treat any warning as an error', def: 'false' },
  { long: 'file', short: 'f', type: 'strings', usage: 'Specify an alternative compose file', def: '' },
  { long: 'provider', type: 'string', usage: 'Specify a provider. Kubernetes or OpenShift.', def: 'kubernetes' },
];

const HELP = (name: string): FlagSpec => ({ long: 'help', short: 'h', usage: `help for ${name}`, def: 'false' });

const DEPRECATED = 'use --controller';
export const CONVERT_FLAGS: FlagSpec[] = [
  { long: 'chart', short: 'c', usage: 'Create a Helm chart for converted objects', def: 'false', hidden: true },
  { long: 'daemon-set', usage: 'Generate a Kubernetes daemonset object (deprecated, use --controller instead)', def: 'false', deprecated: DEPRECATED },
  { long: 'deployment', short: 'd', usage: 'Generate a Kubernetes deployment object (deprecated, use --controller instead)', def: 'false', deprecated: DEPRECATED },
  { long: 'replication-controller', usage: 'Generate a Kubernetes replication controller object (deprecated, use --controller instead)', def: 'false', deprecated: DEPRECATED },
  { long: 'controller', type: 'string', usage: 'Set the output controller ("deployment"|"daemonSet"|"replicationController")', def: '' },
  { long: 'multiple-container-mode', usage: "Create multiple containers grouped by 'kompose.service.group' label", def: 'false', deprecated: 'use --service-group-mode=label' },
  { long: 'service-group-mode', type: 'string', usage: 'Group multiple service to create single workload by `label`(`kompose.service.group`) or `volume`(shared volumes)', def: '' },
  { long: 'service-group-name', type: 'string', usage: 'Using with --service-group-mode=volume to specific a final service name for the group', def: '' },
  { long: 'secrets-as-files', usage: 'Always convert docker-compose secrets into files instead of symlinked directories', def: 'false' },
  { long: 'deployment-config', usage: 'Generate an OpenShift deploymentconfig object', def: 'true', deprecated: DEPRECATED },
  { long: 'insecure-repository', usage: 'Use an insecure Docker repository for OpenShift ImageStream', def: 'false', hidden: true },
  { long: 'build-repo', type: 'string', usage: 'Specify source repository for buildconfig (default remote origin)', def: '', hidden: true },
  { long: 'build-branch', type: 'string', usage: 'Specify repository branch to use for buildconfig (default master)', def: '', hidden: true },
  { long: 'build', type: 'string', usage: 'Set the type of build ("local"|"build-config"(OpenShift only)|"none")', def: 'none' },
  { long: 'push-image', usage: 'If we should push the docker image we built', def: 'false' },
  { long: 'build-command', type: 'string', usage: 'Set the command used to build the container image, which will override the docker build command. Should be used in conjuction with --push-command flag.', def: '' },
  { long: 'push-command', type: 'string', usage: 'Set the command used to push the container image. override the docker push command. Should be used in conjuction with --build-command flag.', def: '' },
  { long: 'push-image-registry', type: 'string', usage: 'Specify registry for pushing image, which will override registry from image name', def: '' },
  { long: 'yaml', short: 'y', usage: 'Generate resource files into YAML format', def: 'false', deprecated: 'YAML is the default format now', shorthandDeprecated: 'YAML is the default format now' },
  { long: 'json', short: 'j', usage: 'Generate resource files into JSON format', def: 'false' },
  { long: 'stdout', usage: 'Print converted objects to stdout', def: 'false' },
  { long: 'out', short: 'o', type: 'string', usage: 'Specify a file name or directory to save objects to (if path does not exist, a file will be created)', def: '' },
  { long: 'replicas', type: 'int', usage: 'Specify the number of replicas in the generated resource spec', def: '1' },
  { long: 'volumes', type: 'string', usage: 'Volumes to be generated ("persistentVolumeClaim"|"emptyDir"|"hostPath" | "configMap")', def: 'persistentVolumeClaim' },
  { long: 'pvc-request-size', type: 'string', usage: 'Specify the size of pvc storage requests in the generated resource spec', def: '' },
  { long: 'namespace', short: 'n', type: 'string', usage: 'Specify the namespace of the generated resources', def: '' },
  { long: 'generate-network-policies', usage: 'Specify whether to generate network policies or not', def: 'false' },
  { long: 'with-kompose-annotation', usage: 'Add kompose annotations to generated resource', def: 'true' },
  { long: 'emptyvols', usage: 'Use Empty Volumes. Do not generate PVCs', def: 'false', deprecated: 'emptyvols has been marked as deprecated. Use --volumes emptyDir' },
  { long: 'indent', type: 'int', usage: 'Spaces length to indent generated yaml files', def: '2' },
  { long: 'profile', type: 'stringArray', usage: 'Specify the profile to use, can use multiple profiles', def: '' },
  HELP('convert'),
];

const EXAMPLES = `  kompose --file compose.yaml convert
  kompose -f first.yaml -f second.yaml convert
  kompose --provider openshift --file compose.yaml convert`;

const COMMANDS: [string, string][] = [
  ['completion', 'Output shell completion code'],
  ['convert', 'Convert a Compose file'],
  ['help', 'Help about any command'],
  ['version', 'Print the version of Kompose'],
];

/** cobra's default usage for the root command. */
export function rootUsage(): string {
  return `Usage:
  kompose [command]

Examples:
${EXAMPLES}
  kompose completion bash

Available Commands:
${COMMANDS.map(([n, s]) => `  ${n.padEnd(11)} ${s}`).join('\n')}

Flags:
${flagUsages([...ROOT_FLAGS, HELP('kompose')])}

Use "kompose [command] --help" for more information about a command.
`;
}

export const rootHelp = (): string => `Kompose is a tool to help users who are familiar with docker-compose move to Kubernetes.\n\n${rootUsage()}`;

/** kompose's own usage template for convert: the provider-specific flags named first. */
export function convertUsage(): string {
  return `Usage:
  kompose convert [flags]

Examples:
${EXAMPLES}

Kubernetes Flags:
  -c, --chart                    Create a Helm chart for converted objects
      --controller               Set the output controller ("deployment"|"daemonSet"|"replicationController")
      --service-group-mode       Group multiple service to create single workload by "label"("kompose.service.group") or "volume"(shared volumes)
      --service-group-name       Using with --service-group-mode=volume to specific a final service name for the group

OpenShift Flags:
      --build-branch             Specify repository branch to use for buildconfig (default is current branch name)
      --build-repo               Specify source repository for buildconfig (default is current branch's remote url)
      --insecure-repository      Specify to use insecure docker repository while generating Openshift image stream object

Flags:
${flagUsages(CONVERT_FLAGS)}

Global Flags:
${flagUsages(ROOT_FLAGS)}
`;
}

export const convertHelp = (): string => `Convert a Compose file\n\n${convertUsage()}`;

/** cobra's usage of a leaf command (`version`, `completion`). */
export function leafHelp(use: string, short: string): string {
  return `${short}\n\nUsage:\n  kompose ${use} [flags]\n\nFlags:\n${flagUsages([HELP(use.split(' ')[0])])}\n\nGlobal Flags:\n${flagUsages(ROOT_FLAGS)}\n`;
}
