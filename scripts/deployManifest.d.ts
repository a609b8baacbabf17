/** Types of scripts/deployManifest.js (plain CommonJS so that webpack.config.js can load it). */
export declare const DEV_HOST: string;
export declare function deploymentHost(raw: string): string;
export declare function bumpedVersion(base: string, now: Date, override: string | undefined): string;
export declare function deployManifest(xml: string, options: { host: string; now?: Date; version?: string }): { xml: string; version: string; host: string };
