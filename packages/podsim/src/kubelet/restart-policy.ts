/**
 * Whether an exited container is started again.
 * Models pkg/kubelet/container/helpers.go ShouldContainerBeRestarted (restartable init containers
 * always restart: pkg/kubelet/kuberuntime/kuberuntime_manager.go computeInitContainerActions).
 */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** `exitCode` undefined means the container never ran (or its state is unknown): it is started. */
export function shouldRestart(policy: string | undefined, exitCode: number | undefined, podDeleting: boolean): boolean {
  if (podDeleting) return false;
  if (exitCode === undefined) return true;
  switch (policy ?? 'Always') {
    case 'Never':
      return false;
    case 'OnFailure':
      return exitCode !== 0;
    default:
      return true;
  }
}
