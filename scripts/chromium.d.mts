export const CHROMIUM: string;
export function headlessFlags(userDataDir: string): string[];
