// Each area that adds demo data imports its seed module here.
export {};
