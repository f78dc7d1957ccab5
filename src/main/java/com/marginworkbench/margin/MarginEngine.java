package com.marginworkbench.margin;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.OpexFunction;
import com.marginworkbench.classify.Treatment;
import com.marginworkbench.model.CostLine;
import com.marginworkbench.model.FinancialModel;
import com.marginworkbench.model.RevenueLine;
import com.marginworkbench.model.UnitInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns a model, its classifications and the levers into margins.
 *
 * <p>{@link #prepare} does the one pass over every line and period that does not depend on the
 * levers: it sums revenue and cost into a handful of buckets per period (by layer, by reported and
 * restated placement, and by the two stress flags). {@link Prepared#apply} then needs only those
 * buckets, so moving a slider costs a few operations per period, not per cell. {@link #compute}
 * does both.
 *
 * <p>Restated COGS holds the lines the test puts in COGS, plus lines under Review that the workbook
 * reported in COGS: a line under review keeps its reported place until someone decides; plus the
 * amortization of capitalized lines whose asset delivers the paid service. Under stress, fixed
 * delivery costs (the usage answer is no), vendor credits (negative amounts) and amortization are
 * held fixed.
 */
public final class MarginEngine {
    /** Flag classes of restated COGS: bit 0 = LLM-priced, bit 1 = usage-variable; 0 = fixed. */
    private static final int CLASSES = 4;

    private MarginEngine() {
    }

    public static MarginResult compute(FinancialModel model, List<Classification> classifications, Levers levers) {
        return prepare(model, classifications).apply(levers);
    }

    /** True when the line counts in restated COGS under this classification. */
    public static boolean inRestatedCogs(CostLine line, Classification c) {
        Treatment t = c.treatment();
        return t == Treatment.COST_OF_REVENUE || (t == Treatment.REVIEW && line.reported().isCostOfRevenue());
    }

    /** The stress class a restated line's spend falls in: fixed delivery costs are fixed whatever their flags. */
    static int classOf(CostLine line, Classification c) {
        if (c.fixedDelivery() || isCredit(line)) {
            return 0;
        }
        return (line.llmPriced() ? 1 : 0) | (line.usageVariable() ? 2 : 0);
    }

    /** A vendor credit or discount: a line whose amounts add up to less than zero. */
    public static boolean isCredit(CostLine line) {
        return line.total() < 0;
    }

    static int classIndex(EngineSums.StressClass cls) {
        return switch (cls) {
            case FIXED -> 0;
            case LLM_ONLY -> 1;
            case VARIABLE_ONLY -> 2;
            case LLM_AND_VARIABLE -> 3;
        };
    }

    /**
     * Straight-line amortization of a capitalized line: each period's spend is spread evenly over
     * the useful life, starting the period after it is spent (the asset is in use once built);
     * what falls after the model's last period is not shown.
     */
    static double[] amortize(double[] amounts, int lifeMonths, int monthsPerPeriod) {
        int n = amounts.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double v = amounts[j];
            if (v == 0) {
                continue;
            }
            for (int k = 0; j + 1 + k < n && (long) k * monthsPerPeriod < lifeMonths; k++) {
                double months = Math.min(monthsPerPeriod, lifeMonths - (long) k * monthsPerPeriod);
                out[j + 1 + k] += v * months / lifeMonths;
            }
        }
        return out;
    }

    public static Prepared prepare(FinancialModel model, List<Classification> classifications) {
        List<CostLine> costs = model.costs();
        if (classifications.size() != costs.size()) {
            throw new IllegalArgumentException("Expected " + costs.size() + " classifications, got "
                    + classifications.size());
        }
        int n = model.periods().count();
        Prepared p = new Prepared(model, n);

        for (RevenueLine r : model.revenue()) {
            double a = r.layer().aiShare();
            double b = r.layer().softwareShare();
            double[] aiTarget = r.usagePriced() ? p.revAiUsage : p.revAiFlat;
            double[] swTarget = p.revSw;
            for (int i = 0; i < n; i++) {
                double v = r.amount(i);
                aiTarget[i] += v * a;
                swTarget[i] += v * b;
            }
        }

        List<BridgeItem> bridgeLines = new ArrayList<>();
        int monthsPerPeriod = model.periods().monthsPerPeriod();
        for (int li = 0; li < costs.size(); li++) {
            CostLine line = costs.get(li);
            Classification c = classifications.get(li);
            // Shares as two multipliers: "v - v * a" in this loop crashed HotSpot 17.0.15's C2
            // superword pass (ShouldNotReachHere in TypeVect::xmeet), found by the benchmark.
            double a = line.layer().aiShare();
            double b = line.layer().softwareShare();
            double[] amounts = FinancialModel.amountsOf(line);
            boolean reported = line.reported().isCostOfRevenue();
            boolean restated = inRestatedCogs(line, c);
            int cls = classOf(line, c);
            double[] byTreatment = p.costByTreatment[c.treatment().ordinal()];
            double[] clsAi = p.restAi[cls];
            double[] clsSw = p.restSw[cls];
            double[] fixedAi = p.restAi[0];
            double[] fixedSw = p.restSw[0];
            boolean sm = c.treatment() == Treatment.OPERATING_EXPENSE && c.function() == OpexFunction.SALES_MARKETING;
            // A line whose total is negative is a vendor credit or discount: held fixed under stress
            // (a +50% LLM price does not grow it) and shown apart so GM can be read without it.
            boolean credit = restated && isCredit(line);
            double[] toAi = credit ? fixedAi : clsAi;
            double[] toSw = credit ? fixedSw : clsSw;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double v = amounts[i];
                total += v;
                byTreatment[i] += v;
                if (reported) {
                    p.repCogs[i] += v;
                    p.repAiCogs[i] += v * a;
                }
                if (restated) {
                    toAi[i] += v * a;
                    toSw[i] += v * b;
                    if (credit) {
                        p.creditAi[i] += v * a;
                        p.creditSw[i] += v * b;
                    }
                }
                if (sm) {
                    p.smTotal[i] += v;
                    if (line.llmPriced()) {
                        p.smLlm[i] += v;
                    }
                }
            }
            if (c.treatment() == Treatment.CAPITALIZED && c.usefulLifeMonths() > 0) {
                double[] am = amortize(amounts, c.usefulLifeMonths(), monthsPerPeriod);
                p.lineAmort[li] = am;
                if (c.amortizationInCogs()) {
                    for (int i = 0; i < n; i++) {
                        fixedAi[i] += am[i] * a;
                        fixedSw[i] += am[i] * b;
                        p.amortAi[i] += am[i] * a;
                        p.amortSw[i] += am[i] * b;
                    }
                }
            }
            p.lineTotals[li] = total;
            if (reported != restated) {
                bridgeLines.add(new BridgeItem(li, line.label(), line.sourceCell(), reported, restated, total, 0));
            }
        }
        p.bridgeLines = bridgeLines;
        return p;
    }

    /** Lever-independent sums of one model and its classifications; apply levers as often as needed. */
    public static final class Prepared {
        private final FinancialModel model;
        private final int n;
        final double[] revAiFlat;
        final double[] revAiUsage;
        final double[] revSw;
        final double[] repCogs;
        final double[] repAiCogs;
        final double[][] restAi;
        final double[][] restSw;
        final double[][] costByTreatment;
        final double[] lineTotals;
        final double[] creditAi;
        final double[] creditSw;
        final double[] amortAi;
        final double[] amortSw;
        final double[][] lineAmort;
        final double[] smTotal;
        final double[] smLlm;
        List<BridgeItem> bridgeLines = List.of();

        Prepared(FinancialModel model, int n) {
            this.model = model;
            this.n = n;
            revAiFlat = new double[n];
            revAiUsage = new double[n];
            revSw = new double[n];
            repCogs = new double[n];
            repAiCogs = new double[n];
            restAi = new double[CLASSES][n];
            restSw = new double[CLASSES][n];
            costByTreatment = new double[Treatment.values().length][n];
            lineTotals = new double[model.costs().size()];
            creditAi = new double[n];
            creditSw = new double[n];
            amortAi = new double[n];
            amortSw = new double[n];
            lineAmort = new double[model.costs().size()][];
            smTotal = new double[n];
            smLlm = new double[n];
        }

        public FinancialModel model() {
            return model;
        }

        public MarginResult apply(Levers levers) {
            return apply(levers, true);
        }

        /**
         * The total over all periods under these levers, without the bridge: what goal seek and
         * sensitivity ask for many times per lever change.
         */
        public Figures total(Levers levers) {
            return apply(levers, false).total();
        }

        private MarginResult apply(Levers levers, boolean withBridge) {
            double heavy = levers.heavyUserFactor();
            double llm = 1 + levers.llmCostChange();
            double price = 1 + levers.priceChange();
            double perYear = model.periods().granularity().perYear();

            List<Figures> periods = new ArrayList<>(n);
            double[] llmFactors = new double[n];
            Figures total = Figures.ZERO;
            double smStressed = 0;
            double smPlain = 0;
            for (int i = 0; i < n; i++) {
                double llmI = llm * levers.tokenPriceFactor(i, perYear);
                llmFactors[i] = llmI;
                // Stress factor per flag class, for the AI share and the software share of a line.
                double restCogs = 0;
                double restAiCogs = 0;
                double stAi = 0;
                double stSw = 0;
                for (int cls = 0; cls < CLASSES; cls++) {
                    boolean llmPriced = (cls & 1) != 0;
                    boolean variable = (cls & 2) != 0;
                    double fAi = (llmPriced ? llmI : 1) * (variable ? levers.varianceBuffer() * heavy : 1);
                    double fSw = llmPriced ? llmI : 1;
                    double ai = restAi[cls][i];
                    double sw = restSw[cls][i];
                    restCogs += ai + sw;
                    restAiCogs += ai;
                    stAi += ai * fAi;
                    stSw += sw * fSw;
                }
                double aiRev = revAiFlat[i] + revAiUsage[i];
                double rev = aiRev + revSw[i];
                double stAiRev = (revAiFlat[i] + revAiUsage[i] * heavy) * price;
                Figures f = Figures.of(rev, aiRev, revSw[i], repCogs[i], repAiCogs[i],
                        restCogs, restAiCogs, restCogs - restAiCogs,
                        stAiRev + revSw[i], stAiRev, stAi + stSw, stAi, stSw);
                periods.add(f);
                total = total.plus(f);
                smPlain += smTotal[i];
                smStressed += smTotal[i] + smLlm[i] * (llmI - 1);
            }

            List<BridgeItem> bridge = new ArrayList<>(withBridge ? bridgeLines.size() : 0);
            for (BridgeItem b : withBridge ? bridgeLines : List.<BridgeItem>of()) {
                double impact = total.revenue() == 0 ? 0
                        : (b.restatedInCogs() ? -b.amount() : b.amount()) / total.revenue();
                bridge.add(new BridgeItem(b.lineIndex(), b.label(), b.source(), b.reportedInCogs(), b.restatedInCogs(),
                        b.amount(), impact));
            }
            double cacFactor = smPlain > 0 ? smStressed / smPlain : 1;
            return new MarginResult(model.periods().labels(), periods, total, bridge,
                    unitEconomics(model.unitInputs(), total, cacFactor), levers, lineTotals, costByTreatment,
                    new EngineSums(this, llmFactors, levers));
        }

        /**
         * LTV:CAC on two bases. Both use the account's whole monthly bill (ARPA); the blended basis
         * carries restated blended GM, the AI-layer basis the AI layer's GM (what LTV would be if
         * every revenue dollar earned the AI layer's margin). Under stress, ARPA moves with the
         * stressed bill (a price change moves only the AI part of it) and CAC with the LLM-priced
         * spend in sales and marketing (free-tier inference).
         */
        private static UnitEconomics unitEconomics(UnitInputs in, Figures total, double cacFactor) {
            if (in == null || !in.isComplete()) {
                return UnitEconomics.NOT_AVAILABLE;
            }
            double rev = total.revenue();
            double arpaStressed = rev == 0 ? in.arpaMonthly() : in.arpaMonthly() * total.stressedRevenue() / rev;
            double cacStressed = in.cac() * cacFactor;
            OptionalDouble ltv = ltv(in.arpaMonthly(), total.restatedBlended(), in.churnMonthly());
            OptionalDouble ltvS = ltv(arpaStressed, total.restatedBlendedStressed(), in.churnMonthly());
            OptionalDouble ltvAi = ltv(in.arpaMonthly(), total.aiLayer(), in.churnMonthly());
            OptionalDouble ltvAiS = ltv(arpaStressed, total.aiLayerStressed(), in.churnMonthly());
            OptionalDouble ltvReported = ltv(in.arpaMonthly(), in.basis() == UnitInputs.MarginBasis.AI_LAYER
                    ? total.reportedAiLayer() : total.reportedBlended(), in.churnMonthly());
            return new UnitEconomics(ltv, ratio(ltv, in.cac()), ltvS, ratio(ltvS, cacStressed),
                    ltvAi, ratio(ltvAi, in.cac()), ltvAiS, ratio(ltvAiS, cacStressed), arpaStressed, cacStressed,
                    ratio(ltvReported, in.cac()));
        }

        private static OptionalDouble ltv(double arpa, OptionalDouble gm, double churn) {
            if (gm.isEmpty()) {
                return OptionalDouble.empty();
            }
            double v = arpa * gm.getAsDouble() / churn;
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }

        private static OptionalDouble ratio(OptionalDouble ltv, double cac) {
            if (ltv.isEmpty()) {
                return OptionalDouble.empty();
            }
            double v = ltv.getAsDouble() / cac;
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        }
    }
}
