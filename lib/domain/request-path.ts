/** Request header proxy.ts sets to the path asked for, so server components can record what an auditor opened. */
export const PATH_HEADER = 'x-toolledger-path';
