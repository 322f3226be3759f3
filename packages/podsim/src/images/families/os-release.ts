/** /etc/os-release and friends per distribution release, as the base images ship them. */

const DEBIAN: Record<string, [version: string, point: string]> = {
  stretch: ['9', '9.13'],
  buster: ['10', '10.13'],
  bullseye: ['11', '11.11'],
  bookworm: ['12', '12.8'],
  trixie: ['13', '13.0'],
};

export type DebianCodename = keyof typeof DEBIAN;

export function debianOsRelease(codename: string): Record<string, string> {
  const [v, point] = DEBIAN[codename] ?? DEBIAN.bookworm;
  const name = DEBIAN[codename] ? codename : 'bookworm';
  return {
    '/etc/os-release': `PRETTY_NAME="Debian GNU/Linux ${v} (${name})"
NAME="Debian GNU/Linux"
VERSION_ID="${v}"
VERSION="${v} (${name})"
VERSION_CODENAME=${name}
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
    '/etc/debian_version': `${point}\n`,
  };
}

/** Debian release codename for a Debian version number (`12` → bookworm). */
export function debianCodename(version: string): string | undefined {
  const major = version.split('.')[0];
  return Object.keys(DEBIAN).find((c) => DEBIAN[c][0] === major);
}

export const DEBIAN_CODENAMES = Object.keys(DEBIAN);

const UBUNTU: Record<string, [codename: string, name: string, point: string]> = {
  '16.04': ['xenial', 'Xenial Xerus', '16.04.7 LTS'],
  '18.04': ['bionic', 'Bionic Beaver', '18.04.6 LTS'],
  '20.04': ['focal', 'Focal Fossa', '20.04.6 LTS'],
  '22.04': ['jammy', 'Jammy Jellyfish', '22.04.5 LTS'],
  '24.04': ['noble', 'Noble Numbat', '24.04.1 LTS'],
};

export function ubuntuVersionOf(tag: string): string {
  const byName = Object.keys(UBUNTU).find((v) => tag.startsWith(UBUNTU[v][0]));
  if (byName) return byName;
  const m = /^(\d+\.\d+)/.exec(tag);
  return m && UBUNTU[m[1]] ? m[1] : '24.04';
}

export function ubuntuOsRelease(version: string): string {
  const [codename, name, point] = UBUNTU[version] ?? UBUNTU['24.04'];
  return `PRETTY_NAME="Ubuntu ${point}"
NAME="Ubuntu"
VERSION_ID="${version}"
VERSION="${point} (${name})"
VERSION_CODENAME=${codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${codename}
LOGO=ubuntu-logo
`;
}

export function alpineOsRelease(version: string): Record<string, string> {
  const minor = version.split('.').slice(0, 2).join('.');
  return {
    '/etc/os-release': `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${minor}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`,
    '/etc/alpine-release': `${version}\n`,
  };
}

export function fedoraOsRelease(version: string): string {
  return `NAME="Fedora Linux"
VERSION="${version} (Container Image)"
ID=fedora
VERSION_ID=${version}
VERSION_CODENAME=""
PLATFORM_ID="platform:f${version}"
PRETTY_NAME="Fedora Linux ${version} (Container Image)"
ANSI_COLOR="0;38;2;60;110;180"
LOGO=fedora-logo-icon
CPE_NAME="cpe:/o:fedoraproject:fedora:${version}"
DEFAULT_HOSTNAME="fedora"
HOME_URL="https://fedoraproject.org/"
SUPPORT_URL="https://ask.fedoraproject.org/"
BUG_REPORT_URL="https://bugzilla.redhat.com/"
REDHAT_BUGZILLA_PRODUCT="Fedora"
REDHAT_BUGZILLA_PRODUCT_VERSION=${version}
REDHAT_SUPPORT_PRODUCT="Fedora"
REDHAT_SUPPORT_PRODUCT_VERSION=${version}
VARIANT="Container Image"
VARIANT_ID=container
`;
}
