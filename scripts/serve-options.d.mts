export function demoModeOf(env: Record<string, string | undefined>): boolean;
export function serveOptions(env: Record<string, string | undefined>): {
  demo: boolean;
  host: string | undefined;
  serverEnv: Record<string, string | undefined>;
};
export function serverNodeArgs(env: Record<string, string | undefined>): string[];
export function serverMallocEnv(env: Record<string, string | undefined>): Record<string, string>;
