/**
 * Reaching the API server over HTTPS as the kubernetes.io "Accessing Clusters" page does (§ Directly
 * accessing the REST API: the kubeconfig's server, a token Secret's token, `curl $APISERVER/api
 * --header "Authorization: Bearer $TOKEN" --insecure` prints APIVersions) and from inside a pod with its
 * projected token and CA (the "Accessing the Kubernetes API from a Pod" page). Expected texts: the page's
 * output; the apiserver's Status objects (apimachinery errors.go NewUnauthorized("Unauthorized"),
 * NewGenericServerResponse(404): `the server could not find the requested resource` with empty details;
 * the RBAC forbidden text of apiserver responsewriters/errors.go `User %q cannot %s path %q`); curl
 * 8.5.0's (lib/vtls/openssl.c: `error setting certificate file: %s`, `SSL certificate problem: %s`,
 * `SSL: no alternative certificate subject name matches target host name '%s'`; src/tool_operate.c:
 * CURL_CA_CERT_ERRORMSG after error 60); Go net/http's answer to plain HTTP on a TLS port.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

const CURL_60_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

const TOKEN_SECRET = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Secret
metadata:
  name: default-token
  annotations:
    kubernetes.io/service-account.name: default
type: kubernetes.io/service-account-token
EOF`;

async function withToken(): Promise<Sandbox> {
  const sb = new Sandbox();
  await sb.run(TOKEN_SECRET);
  sb.advance(1000);
  await sb.run('APISERVER=$(kubectl config view --minify -o jsonpath=\'{.clusters[0].cluster.server}\')');
  await sb.run("TOKEN=$(kubectl get secret default-token -o jsonpath='{.data.token}' | base64 --decode)");
  return sb;
}

describe('the API server from the reader\'s machine', () => {
  it('answers the page\'s curl with the token Secret\'s token', async () => {
    const sb = await withToken();
    expect((await sb.run('echo $APISERVER')).output).toBe('https://controlplane:6443\n');
    const r = await sb.run('curl $APISERVER/api --header "Authorization: Bearer $TOKEN" --insecure');
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.output)).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] });
    expect(r.output).toMatch(/^\{\n {2}"kind": "APIVersions",\n {2}"versions": \[\n {4}"v1"\n {2}\],/);
    // The page's other way to the token: `kubectl describe secret` | grep ^token.
    await sb.run('T2=$(kubectl describe secret default-token | grep -E \'^token\' | cut -f2 -d\':\' | tr -d " ")');
    expect((await sb.run('curl -s -k -o /dev/null -w "%{http_code}" $APISERVER/apis -H "Authorization: Bearer $T2"')).output).toBe('200');
  });

  it('verifies the server: curl fails without the CA, trusts the CA the Secret carries, checks the name', async () => {
    const sb = await withToken();
    expect(await sb.run('curl $APISERVER/api --header "Authorization: Bearer $TOKEN"')).toEqual({ output: `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${CURL_60_HELP}`, exitCode: 60 });
    expect(await sb.run('curl -s $APISERVER/api')).toEqual({ output: '', exitCode: 60 });
    await sb.run("kubectl get secret default-token -o jsonpath='{.data.ca\\.crt}' | base64 --decode > ca.crt");
    const ok = await sb.run('curl --cacert ca.crt -H "Authorization: Bearer $TOKEN" $APISERVER/version');
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toMatch(/^\{\n {2}"major": "1",\n {2}"minor": "32",/);
    // The certificate names the node and the advertise address, not anything else that reaches it.
    expect((await sb.run('curl -s -o /dev/null -w "%{http_code}" --cacert ca.crt https://172.18.0.2:6443/version')).output).toBe('200');
    expect(await sb.run('curl --cacert ca.crt https://node01:6443/version')).toEqual({ output: "curl: (7) Failed to connect to node01 port 6443 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    await sb.run('echo "172.18.0.2 api.example" >> /etc/hosts');
    expect(await sb.run('curl --cacert ca.crt https://api.example:6443/version')).toEqual({ output: `curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example'\n${CURL_60_HELP}`, exitCode: 60 });
    expect(await sb.run('curl --cacert missing.crt $APISERVER/version')).toEqual({ output: 'curl: (77) error setting certificate file: missing.crt\n', exitCode: 77 });
    // -k makes the CA file optional, as curl's "continuing anyway".
    expect((await sb.run('curl -sk --cacert missing.crt $APISERVER/version -o /dev/null -w "%{http_code}"')).output).toBe('200');
    expect(await sb.run('curl http://controlplane:6443/version')).toEqual({ output: 'Client sent an HTTP request to an HTTPS server.\n', exitCode: 0 });
  });

  it('is system:anonymous without a token, 401 with a token it did not issue or no longer honours', async () => {
    const sb = await withToken();
    expect((await sb.run('curl -k $APISERVER/api')).output).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}',
    );
    expect(JSON.parse((await sb.run('curl -sk $APISERVER/api/v1/namespaces/default/pods')).output).message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    // The health checks and /version are public (system:public-info-viewer).
    expect((await sb.run('curl -sk $APISERVER/healthz')).output).toBe('ok');
    const unauthorized = '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "Unauthorized",\n  "reason": "Unauthorized",\n  "code": 401\n}';
    expect((await sb.run('curl -k $APISERVER/api -H "Authorization: Bearer not-a-token"')).output).toBe(unauthorized);
    // An edited token: one character of its claims changed.
    await sb.run('BAD=$(echo "$TOKEN" | sed "s/\\.eyJ/.eyK/")');
    expect((await sb.run('curl -k $APISERVER/api -H "Authorization: Bearer $BAD"')).output).toBe(unauthorized);
    // Header names are not case-sensitive, the scheme neither; an empty token is no token at all.
    expect((await sb.run('curl -sk -o /dev/null -w "%{http_code}" $APISERVER/api -H "authorization: bearer $TOKEN"')).output).toBe('200');
    expect((await sb.run('curl -sk -o /dev/null -w "%{http_code}" $APISERVER/api -H "Authorization: Bearer "')).output).toBe('403');
    expect((await sb.run('curl -sk -o /dev/null -w "%{http_code}" $APISERVER/api -H "Authorization Bearer $TOKEN"')).output).toBe('403');
    // The legacy token dies with its Secret.
    await sb.run('kubectl delete secret default-token');
    expect((await sb.run('curl -k $APISERVER/api -H "Authorization: Bearer $TOKEN"')).output).toBe(unauthorized);
  });

  it('honours kubectl create token until it expires, and only while its service account exists', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl apply -f - <<EOF\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\nEOF');
    await sb.run('T=$(kubectl create token robot --duration=10m)');
    const code = async () => (await sb.run('curl -sk -o /dev/null -w "%{http_code}" https://controlplane:6443/api -H "Authorization: Bearer $T"')).output;
    expect(await code()).toBe('200');
    sb.advance(11 * 60_000);
    expect(await code()).toBe('401');
    await sb.run('T=$(kubectl create token robot)');
    expect(await code()).toBe('200');
    await sb.run('kubectl delete serviceaccount robot');
    expect(await code()).toBe('401');
  });

  it('answers an unknown path with the 404 Status, after RBAC, and reaches no pod or Service address', async () => {
    const sb = await withToken();
    // Authorization comes first: the default service account may get discovery paths only.
    expect(JSON.parse((await sb.run('curl -k $APISERVER/nope -H "Authorization: Bearer $TOKEN"')).output).message).toBe('forbidden: User "system:serviceaccount:default:default" cannot get path "/nope"');
    expect((await sb.run('curl -k $APISERVER/apis/nope -H "Authorization: Bearer $TOKEN"')).output).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "the server could not find the requested resource",\n  "reason": "NotFound",\n  "details": {},\n  "code": 404\n}',
    );
    expect((await sb.run('curl -s https://10.96.0.1/version; echo " $?"')).output).toBe(' 7\n');
    expect(await sb.run('curl https://kubernetes.default.svc/version')).toEqual({ output: 'curl: (6) Could not resolve host: kubernetes.default.svc\n', exitCode: 6 });
  });
});

describe('the API server from inside a pod', () => {
  it('trusts the projected CA and token; without the token the pod is anonymous', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run web --image=nginx');
    sb.advance(60_000);
    const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
    const api = await sb.run(`kubectl exec web -- sh -c 'curl -s --cacert ${sa}/ca.crt -H "Authorization: Bearer $(cat ${sa}/token)" https://kubernetes.default.svc/api'`);
    expect(JSON.parse(api.output).kind).toBe('APIVersions');
    const anonymous = await sb.run(`kubectl exec web -- curl -s --cacert ${sa}/ca.crt https://kubernetes.default.svc/version -o /dev/null -w "%{http_code}"`);
    expect(anonymous.output).toBe('200');
    expect(await sb.run('kubectl exec web -- curl -sS https://kubernetes.default.svc/api')).toEqual({ output: `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${CURL_60_HELP}command terminated with exit code 60\n`, exitCode: 60 });
    // The token is bound to the pod: once the pod is gone, so is the token.
    await sb.run(`T=$(kubectl exec web -- cat ${sa}/token)`);
    expect((await sb.run('curl -sk -o /dev/null -w "%{http_code}" https://controlplane:6443/api -H "Authorization: Bearer $T"')).output).toBe('200');
    await sb.run('kubectl delete pod web --now');
    sb.advance(10_000);
    expect((await sb.run('curl -sk -o /dev/null -w "%{http_code}" https://controlplane:6443/api -H "Authorization: Bearer $T"')).output).toBe('401');
  });
});
