import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
const web = { 'https://k8s.io/examples/pods/web.yaml': POD, 'https://kubernetes.io/examples/configmap/game.properties': 'lives=3\n' };

describe("the sandbox's web documents", () => {
  it('kubectl -f URL reads a served document, and reports a URL that is not served as kubectl does', () => {
    const sb = new Sandbox({ web });
    expect(sb.runLine('kubectl apply -f https://k8s.io/examples/pods/web.yaml').output).toBe('pod/web created\n');
    expect(sb.runLine('kubectl apply -f https://k8s.io/examples/pods/none.yaml').output).toBe(
      'error: unable to read URL "https://k8s.io/examples/pods/none.yaml", server reported 404 Not Found, status code=404\n',
    );
  });

  it('wget and curl on the reader machine fetch them; other hosts stay unknown', () => {
    const sb = new Sandbox({ web });
    sb.runLine('wget -q https://kubernetes.io/examples/configmap/game.properties -O game.properties');
    expect(sb.readFile('game.properties')).toBe('lives=3\n');
    expect(sb.runLine('curl -s https://k8s.io/examples/pods/web.yaml').output).toBe(POD);
    expect(sb.runLine('curl -s https://k8s.io/examples/x').output).toBe('404 page not found\n');
    expect(sb.runLine('curl -s https://example.com/').exitCode).toBe(6);
  });
});
