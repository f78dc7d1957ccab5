package com.marginworkbench.usage;

/** Cost, tokens and requests of one model, with the unit costs they give. */
public record ModelCost(String model, double cost, long tokens, long requests) {
    /** Null when the rows carry no request counts. */
    public Double costPerRequest() {
        return requests == 0 ? null : cost / requests;
    }

    /** Null when the rows carry no tokens. */
    public Double costPerMillionTokens() {
        return tokens == 0 ? null : cost / tokens * 1_000_000;
    }
}
