/**
 * Image families the course's pages do not boot with, by name: language runtimes, data stores,
 * the docs' sample and tool images. A chunk of its own in the site's worker (lazy/part.ts).
 */
import { bashImage } from './bash.js';
import { caddyImage } from './caddy.js';
import { dataStoreImage } from './datastore-images.js';
import { dnsutilsImage } from './dnsutils.js';
import { fedoraImage } from './fedora.js';
import { hpaExampleImage } from './hpa-example.js';
import { ingressNginxImage, webhookCertgenImage } from './ingress-nginx.js';
import { kubeComponentImage } from './kube-components.js';
import { bootcampImage, echoserverImage, etcdImage, goproxyImage, livenessImage, nginxSlimImage, nodeHelloImage, serveHostnameImage, testWebserverImage } from './k8s-samples.js';
import { metricsServerImage } from './metrics-server.js';
import { runtimeImage } from './runtimes.js';
import { busyboxplusImage, curlImage, helloWorldImage, netshootImage } from './tools.js';
import { traefikImage } from './traefik.js';
import { vishStressImage } from './vish-stress.js';
import { xtrabackupImage } from './xtrabackup.js';

export default {
  bash: bashImage,
  caddy: caddyImage,
  dataStore: dataStoreImage,
  dnsutils: dnsutilsImage,
  fedora: fedoraImage,
  hpaExample: hpaExampleImage,
  ingressNginx: ingressNginxImage,
  webhookCertgen: webhookCertgenImage,
  bootcamp: bootcampImage,
  echoserver: echoserverImage,
  etcd: etcdImage,
  goproxy: goproxyImage,
  liveness: livenessImage,
  nginxSlim: nginxSlimImage,
  nodeHello: nodeHelloImage,
  serveHostname: serveHostnameImage,
  testWebserver: testWebserverImage,
  metricsServer: metricsServerImage,
  runtime: runtimeImage,
  busyboxplus: busyboxplusImage,
  curl: curlImage,
  helloWorld: helloWorldImage,
  netshoot: netshootImage,
  traefik: traefikImage,
  vishStress: vishStressImage,
  xtrabackup: xtrabackupImage,
  kubeComponent: kubeComponentImage,
};
