/** Reports each Intl object made and each locale-aware call to `record`; returns the function that undoes the wrapping. */
export function recordIcu(record: (what: string) => void): () => void;
