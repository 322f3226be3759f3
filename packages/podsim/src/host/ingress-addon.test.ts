/**
 * minikube's ingress add-on on the sandbox's cluster, as the ingress-minikube task page uses it.
 * Expected texts: the page's own outputs (kubernetes.io tasks/access-application-cluster/ingress-minikube:
 * the admission Jobs' pods Completed, the patch Job's after one restart (it started with the create Job and
 * read the Secret before that one stored it), and the controller Running, hello-app's answer through the Ingress,
 * the ADDRESS column filled by the controller), nginx's error page as its source writes it with
 * server_tokens off (src/http/ngx_http_special_response.c: the title, `<center><h1>`, the `nginx` tail,
 * CRLF line ends), and ingress-nginx's status sync interval (internal/ingress/status: 60 s).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: example-ingress
spec:
  ingressClassName: nginx
  rules:
    - host: hello-world.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
          - path: /v2
            pathType: Exact
            backend:
              service:
                name: web2
                port:
                  number: 8080
`;

describe('the ingress add-on', () => {
  it('runs the controller after its admission Jobs, routes by host and path from the reader’s port 80, and publishes its node’s address', async () => {
    const sb = new Sandbox({ addons: ['ingress'], files: { 'ingress.yaml': INGRESS } });
    sb.advance(90_000);
    const pods = (await sb.run('kubectl get pods -n ingress-nginx')).output;
    expect(pods).toMatch(/^ingress-nginx-admission-create-[a-z0-9]{5} +0\/1 +Completed +0 +\S+$/m);
    expect(pods).toMatch(/^ingress-nginx-admission-patch-[a-z0-9]{5} +0\/1 +Completed +1 \(\S+ ago\) +\S+$/m);
    expect(pods).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +\S+$/m);
    expect((await sb.run('kubectl get ingressclass')).output).toMatch(/^nginx +k8s\.io\/ingress-nginx +<none> +\S+$/m);

    await sb.run('kubectl create deployment web --image=gcr.io/google-samples/hello-app:1.0');
    await sb.run('kubectl create deployment web2 --image=gcr.io/google-samples/hello-app:2.0');
    await sb.run('kubectl expose deployment web --type=NodePort --port=8080');
    await sb.run('kubectl expose deployment web2 --type=NodePort --port=8080');
    expect((await sb.run('kubectl apply -f ingress.yaml')).output).toBe('ingress.networking.k8s.io/example-ingress created\n');
    sb.advance(30_000);

    const curl = (url: string, host = 'hello-world.example') => sb.run(`curl -s --resolve "${host}:80:127.0.0.1" ${url}`);
    expect((await curl('http://hello-world.example')).output).toMatch(/^Hello, world!\nVersion: 1\.0\.0\nHostname: web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect((await curl('http://hello-world.example/v2')).output).toMatch(/^Hello, world!\nVersion: 2\.0\.0\nHostname: web2-/);
    // Exact /v2 does not take /v2/x: the Prefix / rule does.
    expect((await curl('http://hello-world.example/v2/x')).output).toMatch(/^Hello, world!\nVersion: 1\.0\.0\n/);
    const other = await sb.run('curl -si --resolve "other.example:80:127.0.0.1" http://other.example/');
    expect(other.output).toMatch(/^HTTP\/1\.1 404 Not Found\r?\n/);
    // (The terminal shows the page's CRLF line ends as plain ones; Content-Length counts them.)
    expect(other.output).toContain('Content-Length: 146\n');
    expect(other.output).toContain('<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n');

    // The status sync runs every 60 s: by then the Ingress shows the controller node's InternalIP.
    sb.advance(60_000);
    const node = (await sb.run(`kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o jsonpath='{.items[0].spec.nodeName}'`)).output;
    const nodeIP = (await sb.run(`kubectl get node ${node} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'`)).output;
    expect((await sb.run('kubectl get ingress')).output).toMatch(new RegExp(`^example-ingress +nginx +hello-world\\.example +${nodeIP.replace(/\./g, '\\.')} +80 +\\S+$`, 'm'));
    // The controller's hostPort: the node's own address answers on port 80 too.
    expect((await sb.run(`curl -s -H 'Host: hello-world.example' http://${nodeIP}/`)).output).toMatch(/^Hello, world!\nVersion: 1\.0\.0\n/);

    // No endpoint behind the backend Service: nginx's 503.
    await sb.run('kubectl scale deployment web --replicas=0');
    sb.advance(40_000);
    expect((await sb.run('curl -si --resolve "hello-world.example:80:127.0.0.1" http://hello-world.example/')).output).toMatch(/^HTTP\/1\.1 503 [^]*<head><title>503 Service Temporarily Unavailable<\/title><\/head>\n/);
  });

  it('is refused by name when unknown, and leaves a cluster without it untouched', async () => {
    expect(() => new Sandbox({ addons: ['dashboard'] })).toThrow('unknown add-on: dashboard (known: metrics-server, ingress)');
    expect((await new Sandbox().run('curl -s --resolve "hello-world.example:80:127.0.0.1" http://hello-world.example')).exitCode).toBe(7);
  });
});
