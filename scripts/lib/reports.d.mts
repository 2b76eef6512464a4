export declare const VITEST_REPORT: string
export declare const PLAYWRIGHT_REPORT: string
