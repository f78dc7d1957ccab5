package com.marginworkbench.ui.workbench;

import com.marginworkbench.margin.Figures;
import com.marginworkbench.margin.MarginResult;
import com.marginworkbench.margin.UnitEconomics;
import com.marginworkbench.ui.util.Benchmarks;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The headline figures: one tile per figure, each with its value, its change against its base and
 * the tone of that change, and why the figures are withheld when they cannot be shown. The values
 * are the engine's, written in words here; nothing is computed again.
 */
public final class TilesViewModel {
    private final List<Tile> tiles = List.of(
            new Tile("revenue", "Revenue", "all periods",
                    "Total revenue of the periods read, in the workbook's currency."),
            new Tile("cogs", "Cost of revenue", "restated, vs reported",
                    "Cost of revenue with each cost where the COGS test puts it; the change is against the workbook's own cost of revenue."),
            new Tile("reported", "Reported blended GM", "as the workbook reports it",
                    "Gross margin with each cost where the workbook put it."),
            new Tile("restated", "Restated blended GM", "vs reported",
                    "Gross margin with each cost where the COGS test puts it."),
            new Tile("stressed", "Stressed blended GM", "vs restated",
                    "Blended gross margin under the stress levers; the change is against the unstressed restated margin."),
            new Tile("ai-reported", "Reported AI-layer GM", "as the workbook reports it",
                    "AI revenue less the cost of delivering it, with each cost where the workbook put it."),
            new Tile("ai", "AI-layer GM", "vs reported",
                    "AI revenue less the restated cost of delivering it; the change is against the AI layer as the workbook reports it."),
            new Tile("ai-stressed", "Stressed AI-layer GM", "vs base",
                    "The AI-layer margin under the stress levers; the change is against the unstressed AI-layer margin."),
            new Tile("ltv", "LTV:CAC", "vs reported",
                    "Lifetime value over acquisition cost on the restated margin; the change is against the same ratio on the reported margin."),
            new Tile("ltv-stressed", "Stressed LTV:CAC", "vs base",
                    "Lifetime value over acquisition cost under the levers; the change is against the unstressed ratio."));
    private final ReadOnlyStringProperty plausibility;
    private final ReadOnlyStringProperty caution;

    TilesViewModel(ReadOnlyStringProperty plausibility, ReadOnlyStringProperty caution) {
        this.plausibility = plausibility;
        this.caution = caution;
    }

    /**
     * What the reader doubts when it is only moderately sure ("" when it is sure, or when the
     * figures are withheld): the headline shows the figures with this caution beside them.
     */
    public ReadOnlyStringProperty cautionProperty() {
        return caution;
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public Tile tile(String id) {
        return tiles.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Why the headline figures are not fit to show ("" when they are); the headline shows a banner
     * with this text in place of the figures.
     */
    public ReadOnlyStringProperty plausibilityProperty() {
        return plausibility;
    }

    /** Shows a new result (the workbench calls this after every figure refresh). */
    void show(MarginResult r) {
        Figures t = r.total();
        UnitEconomics ue = r.unitEconomics();
        tile("revenue").set(Format.money(t.revenue()), "", Tile.Tone.NONE);
        tile("cogs").set(Format.money(t.restatedCogs()), Format.moneyChange(t.restatedCogs(), t.reportedCogs()),
                Tile.Tone.NONE);
        tile("reported").set(Format.percent(t.reportedBlended()), "", Tile.Tone.NONE);
        set(tile("restated"), t.restatedBlended(), t.reportedBlended());
        set(tile("stressed"), t.restatedBlendedStressed(), t.restatedBlended());
        tile("ai-reported").set(Format.percent(t.reportedAiLayer()), "", Tile.Tone.NONE);
        set(tile("ai"), t.aiLayer(), t.reportedAiLayer());
        set(tile("ai-stressed"), t.aiLayerStressed(), t.aiLayer());
        tile("stressed").setStanding(Benchmarks.standing(t.restatedBlendedStressed()));
        tile("ai-stressed").setStanding(Benchmarks.standing(t.aiLayerStressed()));
        tile("ltv").set(Format.ratio(ue.ltvToCac()), Format.ratioChange(ue.ltvToCac(), ue.ltvToCacReported()),
                tone(ue.ltvToCac(), ue.ltvToCacReported()));
        tile("ltv-stressed").set(Format.ratio(ue.ltvToCacStressed()),
                Format.ratioChange(ue.ltvToCacStressed(), ue.ltvToCac()),
                tone(ue.ltvToCacStressed(), ue.ltvToCac()));
    }

    private static void set(Tile tile, OptionalDouble now, OptionalDouble base) {
        tile.set(Format.percent(now), Format.points(now, base), tone(now, base));
    }

    private static Tile.Tone tone(OptionalDouble now, OptionalDouble base) {
        if (now.isEmpty() || base.isEmpty()) {
            return Tile.Tone.NONE;
        }
        double d = now.getAsDouble() - base.getAsDouble();
        return Math.abs(d) < 1e-4 ? Tile.Tone.FLAT : d > 0 ? Tile.Tone.UP : Tile.Tone.DOWN;
    }
}
