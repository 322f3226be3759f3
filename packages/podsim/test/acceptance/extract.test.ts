/** The corpus generator's reading of a page (scripts/docs-corpus), on a page written the way kubernetes.io pages are. */
import { describe, expect, it } from 'vitest';
import { expandVersions, pageEvents } from '../../scripts/docs-corpus/markdown.js';
import { createdObject, firstUnsetVariable, listsObject, readsFile, takenFromSkipped, usesObject, writtenFiles } from '../../scripts/docs-corpus/skipped.js';
import { extractSteps, markedField, openCompounds, opensSession, OWN_NODE_LOGIN } from '../../scripts/docs-corpus/steps.js';
import { requiredGates } from '../../scripts/docs-corpus/prerequisites.js';

const VERSION = { minor: '1.32', patch: '1.32.0' };

const PAGE = `---
title: A task
---

## {{% heading "prerequisites" %}}

\`\`\`shell
kubectl version
\`\`\`

## Create a Pod

{{% code_sample file="pods/probe/exec-liveness.yaml" %}}

1. Create the Pod:

   \`\`\`shell
   kubectl apply -f https://k8s.io/examples/pods/probe/exec-liveness.yaml
   \`\`\`

After 35 seconds, view the Pod:

\`\`\`shell
kubectl get pod liveness-exec
\`\`\`

The output is similar to:

\`\`\`
NAME            READY     STATUS    RESTARTS   AGE
liveness-exec   1/1       Running   1          1m
\`\`\`

This manifest has no file name yet:

\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
\`\`\`

\`\`\`shell
kubectl apply -f myapp.yaml
kubectl label --overwrite ns dev pod-security.kubernetes.io/enforce-version=v{{< skew currentVersion >}} \\
  x=y
\`\`\`

## Get a shell

\`\`\`shell
kubectl exec -it shell-demo -- /bin/bash
\`\`\`

\`\`\`shell
# Run this inside the container
ls /
\`\`\`

\`\`\`
bin boot dev
\`\`\`

\`\`\`
HOSTNAME=shell-demo
\`\`\`

\`\`\`console
$ for i in 1 2; do
  echo $i
done
\`\`\`
`;

describe('docs corpus extraction', () => {
  const page = extractSteps(pageEvents(PAGE, VERSION));

  it('splits the page into its H2 sections with their commands as written', () => {
    expect(page.sections.map((s) => s.title)).toEqual(['{{% heading "prerequisites" %}}', 'Create a Pod', 'Get a shell']);
    expect(page.sections[1].steps.map((s) => s.command)).toEqual([
      'kubectl apply -f https://k8s.io/examples/pods/probe/exec-liveness.yaml',
      'kubectl get pod liveness-exec',
      'kubectl apply -f myapp.yaml',
      'kubectl label --overwrite ns dev pod-security.kubernetes.io/enforce-version=v1.32 \\\n  x=y',
    ]);
  });

  it('takes the output block after a command, the wait the prose asks for, and the examples used', () => {
    const get = page.sections[1].steps[1];
    expect(get.expected).toBe('NAME            READY     STATUS    RESTARTS   AGE\nliveness-exec   1/1       Running   1          1m');
    expect(get.waitBefore).toBe(35);
    expect(page.sections[1].steps[0].expected).toBeUndefined();
    expect(page.examples).toEqual(['pods/probe/exec-liveness.yaml']);
  });

  it('saves an unnamed manifest under the name the next command applies', () => {
    expect(page.files['myapp.yaml']).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: myapp-pod\n');
  });

  it('types later commands into a shell opened with exec -it, and keeps printed environment as output', () => {
    const shell = page.sections[2].steps;
    expect(shell.map((s) => [s.command, s.inSession ?? false])).toEqual([
      ['kubectl exec -it shell-demo -- /bin/bash', false],
      ['ls /', true],
      ['for i in 1 2; do\n  echo $i\ndone', true],
    ]);
    expect(shell[1].expected).toBe('bin boot dev');
  });

  it('types commands on the node a page logged in to, and goes back there when a block says so (tasks/configure-pod-container/static-pod)', () => {
    const block = (...lines: string[]) => ['```shell', ...lines, '```', ''];
    const md = [
      '## Create a static pod',
      ...block('ssh my-node1'),
      ...block('# Run this command on the node where kubelet is running', 'mkdir -p /etc/kubernetes/manifests/'),
      ...block('kubectl get pods'),
      'Back on your node where the kubelet is running:',
      '',
      ...block('sleep 20'),
      ...block('kubectl get pods'),
      ...block('crictl ps'),
      ...block('ls /tmp'),
    ].join('\n');
    const steps = extractSteps(pageEvents(md, VERSION)).sections.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.command, s.inSession ?? false, s.node ?? ''])).toEqual([
      ['ssh my-node1', false, ''],
      ['mkdir -p /etc/kubernetes/manifests/', true, 'ssh my-node1'],
      ['kubectl get pods', false, ''],
      ['sleep 20', true, 'ssh my-node1'],
      ['kubectl get pods', false, ''],
      // A node's own tool: the reader is back on the node, and stays there.
      ['crictl ps', true, 'ssh my-node1'],
      ['ls /tmp', true, 'ssh my-node1'],
    ]);
    expect(opensSession('ssh my-node1')).toBe(true);
    expect(opensSession('ssh root@node01')).toBe(true);
    expect(opensSession('ssh node01 ls /etc/kubernetes/manifests')).toBe(false);
  });

  it('logs in to the reader\'s own node where the prose asks for a shell on it without a command (tasks/configure-pod-container/configure-persistent-volume-storage)', () => {
    const block = (...lines: string[]) => ['```shell', ...lines, '```', ''];
    const md = [
      '## Create an index.html file on your Node',
      'Open a shell to the single Node in your cluster. For example, if you are using Minikube, enter `minikube ssh`.',
      '',
      'In your shell on that Node, create a `/mnt/data` directory:',
      '',
      ...block('sudo mkdir /mnt/data'),
      ...block('cat /mnt/data/index.html'),
      '## Create a PersistentVolume',
      'A hostPath PersistentVolume uses a file or directory on the Node to emulate network-attached storage.',
      '',
      ...block('kubectl apply -f pv.yaml'),
      ...block('kubectl exec -it task-pv-pod -- /bin/bash'),
      ...block('curl http://localhost/'),
      '## Clean up',
      ...block('kubectl delete pod task-pv-pod'),
      'In the shell on your Node, remove the file:',
      '',
      ...block('sudo rm /mnt/data/index.html'),
    ].join('\n');
    const steps = extractSteps(pageEvents(md, VERSION)).sections.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.command, s.inSession ?? false, s.node ?? ''])).toEqual([
      ['sudo mkdir /mnt/data', true, OWN_NODE_LOGIN],
      ['cat /mnt/data/index.html', true, OWN_NODE_LOGIN],
      // kubectl runs on the reader's machine, though the prose names the node.
      ['kubectl apply -f pv.yaml', false, ''],
      ['kubectl exec -it task-pv-pod -- /bin/bash', false, ''],
      ['curl http://localhost/', true, ''],
      ['kubectl delete pod task-pv-pod', false, ''],
      // A Pod's shell in between: the node the page works on is still the one to go back to.
      ['sudo rm /mnt/data/index.html', true, OWN_NODE_LOGIN],
    ]);
  });

  it('knows which commands open an interactive shell', () => {
    expect(opensSession('kubectl exec --stdin --tty shell-demo -- /bin/bash')).toBe(true);
    expect(opensSession('kubectl exec -it nginx -c shell -- sh')).toBe(true);
    expect(opensSession('kubectl exec shell-demo -- ls /')).toBe(false);
    expect(opensSession('kubectl exec -it shell-demo -- ls /')).toBe(false);
    expect(opensSession('kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo')).toBe(true);
    // tutorials/stateful-application/basic-stateful-set: the flags apart, the long one spelled out.
    expect(opensSession('kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm')).toBe(true);
    expect(opensSession('kubectl run --tty --image busybox:1.28 dns-test --restart=Never --rm')).toBe(false);
    expect(opensSession('kubectl run -i --image busybox:1.28 dns-test --restart=Never --rm')).toBe(false);
  });

  it('keeps a compound command whole when its `do` or `then` is on the next line (tasks/job/parallel-processing-expansion)', () => {
    expect(openCompounds('for i in apple banana cherry')).toBe(1);
    expect(openCompounds('for i in apple banana cherry\ndo\n  cat job-tmpl.yaml | sed "s/\\$ITEM/$i/" > ./jobs/job-$i.yaml')).toBe(1);
    expect(openCompounds('for i in apple banana cherry\ndo\n  echo $i\ndone')).toBe(0);
    expect(openCompounds('if true\nthen echo x; fi')).toBe(0);
    expect(openCompounds('while true; do sleep 1; done')).toBe(0);
    expect(openCompounds('kubectl wait --for=condition=Ready pod/x')).toBe(0);
    expect(openCompounds('echo waiting for done')).toBe(0);
    const loop = extractSteps(pageEvents('## Expand\n\n```shell\nmkdir ./jobs\nfor i in a b\ndo\n  touch ./jobs/$i\ndone\n```\n\n```shell\nkubectl get jobs\n```\n', VERSION));
    expect(loop.sections[0].steps.map((s) => [s.command, s.expected])).toEqual([
      ['mkdir ./jobs', undefined],
      ['for i in a b\ndo\n  touch ./jobs/$i\ndone', undefined],
      ['kubectl get jobs', undefined],
    ]);
  });

  it('takes $VAR the page never set as the reader\'s to fill in, but not an escaped \\$ITEM handed to sed', () => {
    expect(firstUnsetVariable('cat job-tmpl.yaml | sed "s/\\$ITEM/$i/" > ./jobs/job-$i.yaml', new Set(['i']))).toBeUndefined();
    expect(firstUnsetVariable('kubectl get pod $POD_NAME', new Set())).toBe('POD_NAME');
    expect(firstUnsetVariable('kubectl get pod ${POD_NAME}', new Set(['POD_NAME']))).toBeUndefined();
    expect(firstUnsetVariable('echo $HOME', new Set())).toBeUndefined();
  });

  it('runs a manifest pasted through a here-document as the command it is (tasks/configure-pod-container/configure-service-account)', () => {
    const md = '## Use more\n\nYou can create additional ServiceAccount objects like this:\n\n```shell\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\nEOF\n```\n\n1. Write it on the node:\n\n   ```shell\n   # Run this command on the node where kubelet is running\n   mkdir -p /etc/kubernetes/manifests/\n   cat <<EOF >/etc/kubernetes/manifests/static-web.yaml\n   apiVersion: v1\n   kind: Pod\n   metadata:\n     name: static-web\n   EOF\n   ```\n';
    const p = extractSteps(pageEvents(md, VERSION));
    expect(p.sections[0].steps.map((s) => s.command)).toEqual([
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\nEOF',
      'mkdir -p /etc/kubernetes/manifests/',
      'cat <<EOF >/etc/kubernetes/manifests/static-web.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nEOF',
    ]);
    expect(p.files).toEqual({});
  });

  it('leaves out a step that uses what only an out-of-scope step set or printed (tasks/run-application/delete-stateful-set, kubernetes-basics/scale)', () => {
    expect(takenFromSkipped('sleep $grace', new Set(['grace']), '')).toBe('$grace');
    expect(takenFromSkipped('curl 127.0.0.1:51082', new Set(), 'http://127.0.0.1:51082\n')).toBe('127.0.0.1:51082');
    expect(takenFromSkipped('curl 127.0.0.1:8080', new Set(['grace']), 'http://127.0.0.1:51082\n')).toBeUndefined();
    expect(takenFromSkipped('echo \\$grace', new Set(['grace']), '')).toBeUndefined();
  });

  it('saves neither a value the prose shows "such as" nor an unnamed manifest as a file a command downloads (tasks/configure-pod-container/pull-image-private-registry)', () => {
    const md = [
      '## Inspect',
      'A Secret looks like this:',
      '',
      '```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: myregistrykey\n```',
      '',
      '## Create a Pod',
      'Download the above file onto your computer:',
      '',
      '```shell\ncurl -L -o my-private-reg-pod.yaml https://k8s.io/examples/pods/private-reg-pod.yaml\n```',
      '',
      'In file `my-private-reg-pod.yaml`, replace `<your-private-image>` with the path to an image in a private registry such as:',
      '',
      '```none\nyour.private.registry.example.com/janedoe/jdoe-private:v1\n```',
      '',
      'Create a Pod that uses your Secret:',
      '',
      '```shell\nkubectl apply -f my-private-reg-pod.yaml\n```',
    ].join('\n');
    const page = extractSteps(pageEvents(md, VERSION));
    expect(page.files).toEqual({});
    expect(page.sections.flatMap((s) => s.steps).map((s) => [s.command, s.expected])).toEqual([
      ['curl -L -o my-private-reg-pod.yaml https://k8s.io/examples/pods/private-reg-pod.yaml', undefined],
      ['kubectl apply -f my-private-reg-pod.yaml', undefined],
    ]);
  });

  it('knows the object a kubectl create makes, and the later commands that read it (tasks/configure-pod-container/pull-image-private-registry)', () => {
    expect(createdObject('kubectl create secret docker-registry regcred --docker-server=<your-registry-server>')).toBe('secret/regcred');
    expect(createdObject('kubectl create secret generic regcred \\\n    --from-file=.dockerconfigjson=<path/to/.docker/config.json>')).toBe('secret/regcred');
    expect(createdObject('kubectl create configmap game-config --from-file=x')).toBe('configmap/game-config');
    expect(createdObject('kubectl get secret regcred')).toBeUndefined();
    const skipped = new Set(['secret/regcred']);
    expect(usesObject('kubectl get secret regcred --output=yaml', skipped)).toBe('secret/regcred');
    expect(usesObject('kubectl get secrets regcred', skipped)).toBe('secret/regcred');
    expect(usesObject('kubectl describe secret/regcred', skipped)).toBe('secret/regcred');
    expect(usesObject('kubectl get secret other', skipped)).toBeUndefined();
    expect(usesObject('kubectl get configmap regcred', skipped)).toBeUndefined();
  });

  it('knows the Service a kubectl expose makes, the files a command writes and reads, and the page lists that show a missing object (tutorials/services/connect-applications-service)', () => {
    expect(createdObject('kubectl expose deployment example --port=8765 --target-port=9376 \\\n        --name=example-service --type=LoadBalancer')).toBe('service/example-service');
    expect(createdObject('kubectl expose deployment/my-nginx')).toBe('service/my-nginx');
    expect(createdObject('kubectl expose -f nginx-svc.yaml')).toBeUndefined();
    expect(writtenFiles('make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt')).toEqual(['/tmp/nginx.key', '/tmp/nginx.crt']);
    expect(writtenFiles('openssl req -x509 -nodes -newkey rsa:2048 -keyout /d/tmp/nginx.key -out /d/tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"')).toEqual(['/d/tmp/nginx.key', '/d/tmp/nginx.crt']);
    expect(writtenFiles('cat /etc/hosts')).toEqual([]);
    const files = new Set(['/tmp/nginx.key', '/tmp/nginx.crt']);
    expect(readsFile('kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt', files)).toBe('/tmp/nginx.key');
    expect(readsFile('cat /tmp/nginx.key.bak', files)).toBeUndefined();
    const objects = new Set(['secret/nginxsecret', 'configmap/nginxconfigmap']);
    expect(listsObject('kubectl get secrets', 'NAME                  TYPE                                  DATA      AGE\nnginxsecret           kubernetes.io/tls                     2         1m', objects)).toBe('secret/nginxsecret');
    expect(listsObject('kubectl get configmaps', 'NAME             DATA   AGE\nnginxconfigmap   1      114s', objects)).toBe('configmap/nginxconfigmap');
    expect(listsObject('kubectl get secrets', 'NAME      TYPE     DATA   AGE\nother     Opaque   1      1m', objects)).toBeUndefined();
    expect(listsObject('kubectl get secrets', undefined, objects)).toBeUndefined();
    expect(listsObject('kubectl get secret nginxsecret -o yaml', 'nginxsecret', objects)).toBeUndefined();
  });

  it('reads a prompt naming a node (`node $ curl …`) as a command typed on the reader\'s node (tutorials/services/connect-applications-service)', () => {
    const md = '## Secure\n\n```shell\nkubectl get pods -o wide\n```\n\n```shell\nnode $ curl -k https://10.244.3.5\n...\n<h1>Welcome to nginx!</h1>\n```\n\n```shell\nkubectl apply -f ./curlpod.yaml\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => [s.command, s.expected, s.node])).toEqual([
      ['kubectl get pods -o wide', undefined, undefined],
      ['curl -k https://10.244.3.5', '...\n<h1>Welcome to nginx!</h1>', OWN_NODE_LOGIN],
      ['kubectl apply -f ./curlpod.yaml', undefined, undefined],
    ]);
  });

  it('reads `name=$(kubectl …)` in a block without a language as a command, printed `A=$(PROTOCOL)://…` as output (tasks/job/pod-failure-policy)', () => {
    const md = '## Patch\n\nPrepare it:\n\n```sh\ncat <<EOF > patch.yaml\nstatus: {}\nEOF\n```\nSelect a pod by running:\n```\npodName=$(kubectl get pods -o jsonpath=\'{.items[0].metadata.name}\')\n```\n\n```shell\nkubectl exec pod -- printenv\n```\n```\nUNCHANGED_REFERENCE=$(PROTOCOL)://172.17.0.1:80\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => [s.command.split('\n')[0], s.expected])).toEqual([
      ['cat <<EOF > patch.yaml', undefined],
      ["podName=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')", undefined],
      ['kubectl exec pod -- printenv', 'UNCHANGED_REFERENCE=$(PROTOCOL)://172.17.0.1:80'],
    ]);
  });

  it('reads an assignment whose command substitution holds quoted spaces and parentheses as a command (tutorials/services/source-ip)', () => {
    const md =
      '## NodePort\n\n```shell\nNODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)\nNODES=$(kubectl get nodes -o jsonpath=\'{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }\')\n```\n\nThen:\n\n```shell\nfor node in $NODES; do curl -s $node:$NODEPORT; done\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => [s.command, s.expected])).toEqual([
      ['NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)', undefined],
      ['NODES=$(kubectl get nodes -o jsonpath=\'{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }\')', undefined],
      ['for node in $NODES; do curl -s $node:$NODEPORT; done', undefined],
    ]);
    expect(firstUnsetVariable(steps[2].command, new Set(['NODEPORT', 'NODES']))).toBeUndefined();
  });

  it('keeps an output the page offers as an alternative ("… or …") beside the first (concepts/workloads/controllers/deployment)', () => {
    const md = '## Update\n\n```shell\nkubectl rollout status deployment/web\n```\n\nThe output is similar to this:\n\n```\nWaiting for rollout to finish: 2 out of 3 new replicas have been updated...\n```\n\nor\n\n```\ndeployment "web" successfully rolled out\n```\n\nThen:\n\n```\nunrelated\n```\n';
    const [step] = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(step.expected).toBe('Waiting for rollout to finish: 2 out of 3 new replicas have been updated...');
    expect(step.alternatives).toEqual(['deployment "web" successfully rolled out']);
  });

  it('marks a command offered instead of the one before, and the edit the prose asks for (concepts/workloads/controllers/deployment)', () => {
    const md = '## Update\n\n```shell\nkubectl set image deployment.v1.apps/web nginx=nginx:1.16.1\n```\n\nor use the following command:\n\n```shell\nkubectl set image deployment/web nginx=nginx:1.16.1\n```\n\nAlternatively, you can `edit` the Deployment and change `.spec.template.spec.containers[0].image` from `nginx:1.14.2` to `nginx:1.16.1`:\n\n```shell\nkubectl edit deployment/web\n```\n\nor for more details:\n\n```shell\nkubectl describe deployment/web\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => [s.alternative ?? false, s.edit])).toEqual([
      [false, undefined],
      [true, undefined],
      [true, { from: 'nginx:1.14.2', to: 'nginx:1.16.1' }],
      [false, undefined],
    ]);
  });

  it('runs a lone `kubectl run -it` shown as plain text, and goes back into that Pod where the prose says "From within a Pod" (tasks/debug/debug-application/debug-service)', () => {
    const run = 'kubectl run -it --rm --restart=Never busybox --image=gcr.io/google-containers/busybox sh';
    const md = `## Pods\n\nRun an interactive busybox Pod:\n\n\`\`\`none\n${run}\n\`\`\`\n\n## Service\n\n\`\`\`shell\nkubectl expose deployment hostnames --port=80\n\`\`\`\n\`\`\`none\nservice/hostnames exposed\n\`\`\`\n\nFrom a Pod in the same Namespace:\n\n\`\`\`shell\nnslookup hostnames\n\`\`\`\n\nIf this fails, try a qualified name:\n\n\`\`\`shell\nnslookup hostnames.default\n\`\`\`\n\n\`\`\`shell\nkubectl get endpoints hostnames\n\`\`\`\n\nOn your machine:\n\n\`\`\`shell\ncurl localhost\n\`\`\`\n`;
    const steps = extractSteps(pageEvents(md, VERSION)).sections.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.command, s.inSession ?? false, s.shell])).toEqual([
      [run, false, undefined],
      ['kubectl expose deployment hostnames --port=80', false, undefined],
      ['nslookup hostnames', true, run],
      ['nslookup hostnames.default', true, undefined],
      ['kubectl get endpoints hostnames', false, undefined],
      ['curl localhost', false, undefined],
    ]);
    // A plain-text block after a command stays its output, and a Pod left with `kubectl run` without --rm cannot be reopened.
    expect(steps[1].expected).toBe('service/hostnames exposed');
    const kept = extractSteps(pageEvents('## A\n\n```shell\nkubectl run -it b --image=busybox -- sh\n```\n\n```shell\nkubectl get pods\n```\n\nFrom within a Pod:\n\n```shell\nls\n```\n', VERSION));
    expect(kept.sections[0].steps.map((s) => s.inSession ?? false)).toEqual([false, false, false]);
  });

  it('saves a block under a name without extension that the prose calls a file (tasks/access-application-cluster/configure-access-multiple-clusters)', () => {
    const md = '## Define\n\nIn your `config-exercise` directory, create a file named `config-demo-2` with this content:\n\n```yaml\napiVersion: v1\nkind: Config\npreferences: {}\n```\n\n```shell\nkubectl config view\n```\n';
    expect(extractSteps(pageEvents(md, VERSION)).files).toEqual({ 'config-demo-2': 'apiVersion: v1\nkind: Config\npreferences: {}\n' });
  });

  it('saves a template under its full name, a further extension included (tasks/job/parallel-processing-expansion)', () => {
    const md = '## Use\n\nFirst, copy and paste the following template of a Job object, into a file called `job.yaml.jinja2`:\n\n```liquid\n{% for p in params %}\nkind: Job\n{% endfor %}\n```\n\n```shell\ncat job.yaml.jinja2\n```\n';
    expect(Object.keys(extractSteps(pageEvents(md, VERSION)).files)).toEqual(['job.yaml.jinja2']);
  });

  it('has the reader paste a manifest shown without a file name when the prose says they applied it (tasks/job/job-with-pod-to-pod-communication)', () => {
    const md = '## Start\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: bash\n    command: [bash, -c, "echo $HOSTNAME"]\n```\n\nAfter applying the example above, look at its logs:\n\n```shell\nkubectl logs p\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => s.command)).toEqual([
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: bash\n    command: [bash, -c, \"echo $HOSTNAME\"]\nEOF",
      'kubectl logs p',
    ]);
  });

  it('takes the edit the prose asks for after the command, in the editor that appears (tutorials/configuration/updating-configuration-via-a-configmap)', () => {
    const md = '## Edit\n\n```shell\nkubectl edit configmap sport\n```\n\nIn the editor that appears, change the value of key `sport` from `football` to `cricket`. Save your changes.\n\n```\nconfigmap/sport edited\n```\n';
    const [step] = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect([step.edit, step.expected]).toEqual([{ from: 'football', to: 'cricket' }, 'configmap/sport edited']);
  });

  it('types into the redis-cli prompt an `exec -it … -- redis-cli` opened, and saves the new version of a file shown before it is applied (tutorials/configuration/configure-redis-using-configmap)', () => {
    const md =
      '## Redis\n\n```shell\ncat <<EOF >./example-redis-config.yaml\napiVersion: v1\nkind: ConfigMap\nEOF\n```\n\n```shell\nkubectl apply -f example-redis-config.yaml\nkubectl exec -it redis -- redis-cli\n```\n\nCheck `maxmemory`:\n\n```shell\n127.0.0.1:6379> CONFIG GET maxmemory\n```\n\nIt should show the default value of 0:\n\n```shell\n1) "maxmemory"\n2) "0"\n```\n\n{{% code_sample file="pods/config/example-redis-config.yaml" %}}\n\nApply the updated ConfigMap:\n\n```shell\nkubectl apply -f example-redis-config.yaml\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION), (e) => (e === 'pods/config/example-redis-config.yaml' ? 'data:\n  redis-config: |\n    maxmemory 2mb\n' : undefined)).sections[0].steps;
    expect(steps.map((s) => [s.command.split('\n')[0], s.inSession ?? false, s.expected, s.saves])).toEqual([
      ['cat <<EOF >./example-redis-config.yaml', false, undefined, undefined],
      ['kubectl apply -f example-redis-config.yaml', false, undefined, undefined],
      ['kubectl exec -it redis -- redis-cli', false, undefined, undefined],
      ['CONFIG GET maxmemory', true, '1) "maxmemory"\n2) "0"', undefined],
      ['kubectl apply -f example-redis-config.yaml', false, undefined, { as: 'example-redis-config.yaml', text: 'data:\n  redis-config: |\n    maxmemory 2mb\n' }],
    ]);
    expect(opensSession('kubectl exec -it redis -- redis-cli -h 10.0.0.1')).toBe(true);
    expect(opensSession('kubectl exec -it redis -- redis-cli ping')).toBe(false);
  });

  it('types into the prompt of a client started on the reader\'s machine the bare block the prose says to enter there (tasks/access-application-cluster/port-forward-access-application-cluster)', () => {
    const md =
      '## Forward\n\n```shell\nmongosh --port 28015\n```\n\n3. At the MongoDB command line prompt, enter the `ping` command:\n\n```\ndb.runCommand( { ping: 1 } )\n```\n\nA successful ping request returns:\n\n```\n{ ok: 1 }\n```\n\n```shell\nkubectl port-forward deployment/mongo :27017\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => [s.command, s.inSession ?? false, s.expected])).toEqual([
      ['mongosh --port 28015', false, undefined],
      ['db.runCommand( { ping: 1 } )', true, '{ ok: 1 }'],
      ['kubectl port-forward deployment/mongo :27017', false, undefined],
    ]);
    // Output the page prints after starting the client is its output, not something to type.
    const banner = extractSteps(pageEvents('## R\n\n```shell\nredis-cli -p 7000\n```\n\nThe output is similar to:\n\n```\n127.0.0.1:7000>\n```\n', VERSION)).sections[0].steps;
    expect(banner.map((s) => [s.command, s.expected])).toEqual([['redis-cli -p 7000', '127.0.0.1:7000>']]);
  });

  it('extends the file the reader has when the prose says to add lines at its end, under its last list item (tasks/access-application-cluster/ingress-minikube)', () => {
    const md =
      '## Create\n\n```shell\nkubectl apply -f https://k8s.io/examples/service/networking/example-ingress.yaml\n```\n\n## Edit\n\n1. Edit the existing `example-ingress.yaml` manifest, and add the\n   following lines at the end:\n\n    ```yaml\n    - path: /v2\n      pathType: Prefix\n    ```\n\n1. Apply the changes:\n\n   ```shell\n   kubectl apply -f example-ingress.yaml\n   ```\n';
    const base = 'spec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix';
    const page = extractSteps(pageEvents(md, VERSION), (e) => (e === 'service/networking/example-ingress.yaml' ? base : undefined));
    expect(page.files['example-ingress.yaml']).toBe(`${base}\n          - path: /v2\n            pathType: Prefix\n`);
  });

  it('saves the new contents the prose gives for a file an earlier command wrote, before the next command (tasks/configure-pod-container/configure-pod-configmap)', () => {
    const md =
      '## Kustomize\n\n```shell\ncat <<EOF >./kustomization.yaml\nconfigMapGenerator:\n- name: game-config-5\nEOF\n```\n\n```shell\nkubectl apply -k .\n```\n```\nconfigmap/game-config-5-m67dt67794 created\n```\n\nCreate (or replace) `kustomization.yaml` so that it has the following contents:\n\n```yaml\nconfigMapGenerator:\n- name: special-config-2\n```\n\nApply the kustomization directory to create the ConfigMap object:\n```shell\nkubectl apply -k .\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(steps.map((s) => s.saves)).toEqual([undefined, undefined, { as: 'kustomization.yaml', text: 'configMapGenerator:\n- name: special-config-2\n' }]);
  });

  it('keeps the file a command used when the page shows another version of it after its last command, and reads kompose as a command (tasks/configure-pod-container/translate-compose-kubernetes)', () => {
    const md =
      '## Use Kompose\n\n1. Go to the directory containing your `docker-compose.yml` file. If you don\'t have one, test using this one.\n\n   ```yaml\n   services:\n     web:\n       image: nginx\n   ```\n\n2. Convert it:\n\n   ```bash\n   kompose convert\n   ```\n\n## Labels\n\n- `kompose.service.type` defines the type of service, in the `docker-compose.yml` file. For example:\n\n  ```yaml\n  services:\n    nginx:\n      image: nginx\n  ```\n';
    const page = extractSteps(pageEvents(md, VERSION));
    expect(page.sections.flatMap((s) => s.steps.map((st) => st.command))).toEqual(['kompose convert']);
    expect(page.files['docker-compose.yml']).toBe('services:\n  web:\n    image: nginx\n');
  });

  it('takes the field a YAML excerpt shows changed in the editor as the edit, not as output (tutorials/configuration/updating-configuration-via-a-configmap)', () => {
    const md =
      '## Immutable\n\n```shell\nkubectl edit deployment immutable-configmap-volume\n```\n\nIn the editor that appears, update the existing volume definition to use the new ConfigMap.\n\n```yaml\nvolumes:\n- configMap:\n    defaultMode: 420\n    name: company-name-20240312 # Update this field\n  name: config-volume\n```\n\nYou should see the following output:\n\n```\ndeployment.apps/immutable-configmap-volume edited\n```\n';
    const [step] = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect([step.edit, step.expected]).toEqual([{ field: ['volumes', 'configMap', 'name'], to: 'company-name-20240312' }, 'deployment.apps/immutable-configmap-volume edited']);
    expect(markedField('a:\n  b: 1\n')).toBeUndefined();
    const wait = extractSteps(pageEvents('## Roll\n\nThis will trigger a rollout. Wait for all the previous Pods to terminate and the new Pods to be in a ready state.\n\nMonitor the status of the Pods:\n\n```shell\nkubectl get pods\n```\n', VERSION));
    expect(wait.sections[0].steps[0].thenAwaitTermination).toBe(true);
  });

  it('runs a command the block sends to a separate terminal there, until the prose has the reader stop it (tasks/run-application/horizontal-pod-autoscale-walkthrough)', () => {
    const md =
      '## Load\n\n```shell\n# Run this in a separate terminal\n# so that the load generation continues\nkubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"\n```\n\nNow run:\n```shell\nkubectl get hpa php-apache --watch\n```\n\n## Stop\n\nIn the terminal where you created the Pod that runs a `busybox` image, terminate\nthe load generation by typing `<Ctrl> + C`.\n\nThen verify the result state (after a minute or so):\n\n```shell\nkubectl get hpa php-apache --watch\n```\n';
    const steps = extractSteps(pageEvents(md, VERSION)).sections.flatMap((s) => s.steps);
    expect(steps.map((s) => [s.elsewhere, s.stopsElsewhere])).toEqual([
      [true, undefined],
      [undefined, undefined],
      [undefined, true],
    ]);
  });

  it('takes a block the prose shows as the contents of the file the command wrote as no output of it (tasks/run-application/horizontal-pod-autoscale-walkthrough)', () => {
    const md = '## V2\n\n```shell\nkubectl get hpa php-apache -o yaml > /tmp/hpa-v2.yaml\n```\n\nOpen the `/tmp/hpa-v2.yaml` file in an editor, and you should see YAML which looks like this:\n\n```yaml\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n```\n\nYou can also use a `target.type` of `AverageValue`:\n\n```\n  metrics:\n  - type: Resource\n```\n';
    const [step] = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect(step.expected).toBeUndefined();
  });

  it('keeps a here-document that starts on a continuation line with its command (tasks/run-application/run-replicated-stateful-application)', () => {
    const md = "## Send\n\n```shell\nkubectl run mysql-client --image=mysql:5.7 -i --rm --restart=Never --\\\n  mysql -h mysql-0.mysql <<EOF\nCREATE DATABASE test;\nEOF\n```\n";
    const [step] = extractSteps(pageEvents(md, VERSION)).sections[0].steps;
    expect([step.command, step.expected]).toEqual(['kubectl run mysql-client --image=mysql:5.7 -i --rm --restart=Never --\\\n  mysql -h mysql-0.mysql <<EOF\nCREATE DATABASE test;\nEOF', undefined]);
  });

  it('renders the site version shortcodes', () => {
    expect(expandVersions('v{{< skew currentVersion >}} {{< param "version" >}} {{< skew currentVersionAddMinor -1 "-" >}} {{< skew currentPatchVersion >}}', VERSION)).toBe(
      'v1.32 v1.32 1-31 1.32.0',
    );
  });
});

describe('feature gates a page requires', () => {
  // Sentences of the assign-pod-level-resources, image-volumes and memory-manager pages (kubernetes/website e6bd301).
  const page = (prereq: string, after = '') => `## {{% heading "prerequisites" %}}\n\n${prereq}\n\n<!-- steps -->\n\n## Steps\n\n${after}\n`;

  it('takes the off-by-default gates the prerequisites say must be enabled', () => {
    expect(requiredGates(page('The `PodLevelResources` [feature\ngate](/docs/reference/command-line-tools-reference/feature-gates/) must be enabled\nfor your control plane and for all nodes in your cluster.'))).toEqual(['PodLevelResources']);
    expect(requiredGates(page('- You need to enable the `ImageVolume` [feature gate](/docs/reference/command-line-tools-reference/feature-gates/)'))).toEqual(['ImageVolume']);
  });

  it('leaves out gates on by default, unknown names and gates named outside the prerequisites', () => {
    expect(requiredGates(page('the Memory Manager is enabled by default through `MemoryManager`\n[feature gate](/docs/reference/command-line-tools-reference/feature-gates/)'))).toEqual([]);
    expect(requiredGates(page('`NotAGate` [feature gate](/x)'))).toEqual([]);
    expect(requiredGates(page('', 'This feature can be enabled by setting the `SupplementalGroupsPolicy` [feature gate](/x).'))).toEqual([]);
  });
});
