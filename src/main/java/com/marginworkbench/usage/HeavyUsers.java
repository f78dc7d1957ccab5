package com.marginworkbench.usage;

/**
 * The heavy-user lever measured from the data: the heaviest {@code cut} of customers by AI cost
 * per active month.
 *
 * @param cut        the cut asked for (0.1 = top decile)
 * @param heavy      how many customers are in it
 * @param customers  how many customers there are
 * @param share      heavy ÷ customers (the lever's share f)
 * @param multiplier the heavy customers' mean cost ÷ the others' mean cost (the lever's multiplier m);
 *                   1 when there is nobody on one side
 */
public record HeavyUsers(double cut, int heavy, int customers, double share, double multiplier) {
    public static final double DEFAULT_CUT = 0.10;
}
