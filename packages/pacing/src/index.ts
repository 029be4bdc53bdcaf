// How often to act: the token bucket and the reconnect backoff, shared by server and client.
export { type BackoffOptions, backoffDelay } from "./backoff.js";
export { TokenBucket } from "./token-bucket.js";
