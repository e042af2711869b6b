// Debian's headless Chromium as every script and test here starts it. The flags
// that are not about headless printing keep it from reaching for the network this
// machine does not have (background updates, sync, first-run pages), which
// otherwise fails many connections at every start.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for one headless run with its own throw-away profile in `userDataDir`. */
export function headlessFlags(userDataDir) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${userDataDir}`,
  ];
}
