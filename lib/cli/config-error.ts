// A problem with msx's own settings (environment or credentials file), not with the master: exit code 2.
export class ClientConfigError extends Error {}
