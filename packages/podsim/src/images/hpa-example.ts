/**
 * registry.k8s.io/hpa-example, the HorizontalPodAutoscaler walkthrough's php-apache server
 * (kubernetes/website content/en/examples/application/php-apache: `FROM php:5-apache`, index.php copied
 * to /var/www/html): a Debian image whose CMD apache2-foreground answers `OK!` after burning CPU.
 */
import { SIGNALS } from '../kernel/signals.js';
import { apache2Foreground, DOCROOT } from '../programs/servers/php-apache.js';
import type { FamilyBuild } from './families/index.js';
import { debianOsRelease } from './families/os-release.js';
import { DEFAULT_PATH } from './types.js';
import { debianBase, merge } from './userland.js';

const INDEX_PHP = '<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n';

export const hpaExampleImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(debianBase(), { files: { ...debianOsRelease('stretch'), [`${DOCROOT}/index.php`]: INDEX_PHP }, binaries: { '/usr/local/bin/apache2-foreground': apache2Foreground } }),
  config: {
    cmd: ['apache2-foreground'],
    env: { PATH: DEFAULT_PATH, PHP_INI_DIR: '/usr/local/etc/php', APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars', PHP_VERSION: '5.6.40' },
    workingDir: DOCROOT,
    stopSignal: SIGNALS.SIGWINCH,
    exposedPorts: [80],
    user: '',
  },
  size: 139_806_430,
  flavor: 'gnu',
});
