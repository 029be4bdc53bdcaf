// How often to act: the token bucket and the reconnect backoff, shared by server and client.
export {};
