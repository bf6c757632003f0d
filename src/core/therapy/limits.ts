/**
 * The therapy cap. Cold and heat sessions are 10–15 min and never more than 20
 * (MPFT NHS "Safe use of cold/heat treatment"; Cleveland Clinic). Every door that
 * takes a session length reads these constants: core, contract, settings and policy
 * schemas, CLI and the UI slider.
 */
export const THERAPY_MAX_MINUTES = 20;
export const THERAPY_MIN_MINUTES = 1;
export const THERAPY_DEFAULT_MINUTES = 15;
