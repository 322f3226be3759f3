/**
 * `java -version` / `--version` as the JDK builds in the images print them. Temurin (eclipse-temurin)
 * per major, as in real outputs: 8 prints 1.8.0_U with its bNN build and no date; 11 and 17 a date and
 * no LTS mark; 21 and later `LTS`; class-data sharing shows from 17 on. The openjdk image's builds
 * (jdk.java.net) print the plain OpenJDK lines. Dates are the OpenJDK update releases': the third
 * Tuesday of the quarter's month, an update every quarter after the feature release.
 */
import type { Program } from '../../kernel/process.js';
import { versionOnly } from './version-only.js';

export type JavaVendor = 'temurin' | 'openjdk';

/** Third Tuesday of a month (0-based month count since year 0). */
function thirdTuesday(months: number): string {
  const year = Math.floor(months / 12);
  const month = months % 12;
  const firstDay = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const day = 1 + ((2 - firstDay + 7) % 7) + 14;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Release date of `major.0.update`: feature releases every six months from 10 (March 2018). */
export function javaReleaseDate(major: number, update: number): string {
  const ga = 2018 * 12 + 2 + 6 * (major - 10);
  return thirdTuesday(update === 0 ? ga : ga + 1 + 3 * (update - 1));
}

/** The three lines of `java -version` for `version` ('21.0.5', '1.8.0_432') built as `build` ('11', '06'). */
export function javaVersionLines(vendor: JavaVendor, version: string, build: string): string[] {
  if (version.startsWith('1.8.0_')) {
    const u = version.slice(6);
    const tag = vendor === 'temurin' ? '(Temurin)' : '';
    return [`openjdk version "${version}"`, `OpenJDK Runtime Environment ${tag}(build ${version}-b${build})`, `OpenJDK 64-Bit Server VM ${tag}(build 25.${u}-b${build}, mixed mode)`];
  }
  const [major, , update] = version.split('.').map(Number);
  const date = javaReleaseDate(major, update ?? 0);
  const lts = vendor === 'temurin' && major >= 21 && major % 4 === 1;
  const full = `${version}+${build}${lts ? '-LTS' : ''}`;
  const mode = `mixed mode${major >= 17 || vendor === 'openjdk' ? ', sharing' : ''}`;
  const name = vendor === 'temurin' ? ` Temurin-${version}+${build}` : '';
  return [`openjdk version "${version}" ${date}${lts ? ' LTS' : ''}`, `OpenJDK Runtime Environment${name} (build ${full})`, `OpenJDK 64-Bit Server VM${name} (build ${full}, ${mode})`];
}

export function javaPrograms(vendor: JavaVendor, version: string, build: string): Record<string, Program> {
  const lines = javaVersionLines(vendor, version, build);
  const java: Program = function* (proc) {
    const arg = proc.argv[1];
    if (arg === '-version') {
      proc.stderr.write(`${lines.join('\n')}\n`);
      return 0;
    }
    if (arg === '--version' || arg === '-showversion') {
      if (version.startsWith('1.8.0_')) {
        proc.stderr.write(`Unrecognized option: ${arg}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n`);
        return 1;
      }
      proc.stdout.write(`${[lines[0].replace(/^openjdk version "([^"]+)"/, 'openjdk $1'), ...lines.slice(1)].join('\n')}\n`);
      return 0;
    }
    proc.stderr.write("java: only '-version' and '--version' are simulated in this sandbox; Java programs do not run here\n");
    return 1;
  };
  return { java, jshell: versionOnly('jshell', ['--version'], `jshell ${version}`) };
}
