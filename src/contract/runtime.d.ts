/**
 * The contract runs in both its hosts (the renderer's browser and Node >= 22) and is typed
 * with neither DOM nor Node types (tsconfig.contract.json): these are the globals both
 * hosts have that it uses.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;
