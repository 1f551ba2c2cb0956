export { startEmulator, type RunningEmulator } from './emulator';
export type { EmulatorClient, EmulatorOptions } from './options';
export { defaultClient } from './options';
export type { EmulatorControl } from './control';
export { demoPerson } from './identity/authorize-routes';
