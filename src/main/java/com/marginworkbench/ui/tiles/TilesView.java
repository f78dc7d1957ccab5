package com.marginworkbench.ui.tiles;

import com.marginworkbench.ui.util.Benchmarks;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The headline strip: revenue and cost of revenue, blended gross margin reported / restated /
 * stressed next to the AI layer's, and LTV:CAC. Stressed margins are coloured by where they stand
 * against the benchmark bands. When the figures cannot be trusted (an impossible margin, or a
 * reading the reader doubts) a banner says why in place of the figures.
 */
public final class TilesView extends StackPane {
    private final FlowPane strip = new FlowPane();
    private final Label banner = new Label();

    /**
     * @param tiles        the figures, found by id
     * @param plausibility why the figures are not fit to show, "" when they are
     */
    public TilesView(List<Tile> tiles, ObservableStringValue plausibility) {
        getStyleClass().add("headline");
        Map<String, Tile> byId = tiles.stream().collect(Collectors.toMap(Tile::id, Function.identity()));
        strip.getStyleClass().add("headline-strip");
        strip.setHgap(18);
        strip.setVgap(6);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getChildren().addAll(
                group("Money", byId, "revenue", "cogs"),
                group("Blended gross margin", byId, "reported", "restated", "stressed"),
                group("AI-layer gross margin", byId, "ai-reported", "ai", "ai-stressed"),
                group("LTV:CAC", byId, "ltv", "ltv-stressed"));

        banner.getStyleClass().add("headline-banner");
        banner.setId("headlineBanner");
        banner.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMaxHeight(Double.MAX_VALUE);
        banner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Figures withheld: " + plausibility.get(), plausibility));
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !plausibility.get().isEmpty(), plausibility));
        strip.visibleProperty().bind(banner.visibleProperty().not());
        // Only the one shown takes part in layout: a hidden wrapping label would still size the strip.
        banner.managedProperty().bind(banner.visibleProperty());
        strip.managedProperty().bind(strip.visibleProperty());
        setMinWidth(0);
        getChildren().addAll(strip, banner);
        setAlignment(Pos.CENTER_LEFT);
    }

    private static VBox group(String title, Map<String, Tile> byId, String... ids) {
        Label head = new Label(title);
        head.getStyleClass().add("headline-group-title");
        HBox figures = new HBox(14);
        for (String id : ids) {
            figures.getChildren().add(figure(byId.get(id)));
        }
        VBox g = new VBox(1, head, figures);
        g.getStyleClass().add("headline-group");
        return g;
    }

    private static VBox figure(Tile t) {
        Label title = new Label(shortTitle(t));
        title.getStyleClass().add("tile-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        Label value = new Label();
        value.textProperty().bind(t.valueProperty());
        value.getStyleClass().add("tile-value");
        value.setId("tile-" + t.id() + "-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label delta = new Label();
        delta.textProperty().bind(t.deltaProperty());
        delta.getStyleClass().add("tile-delta");
        delta.setMinWidth(Region.USE_PREF_SIZE);
        delta.setId("tile-" + t.id() + "-delta");
        FontIcon arrow = new FontIcon(Feather.MINUS);
        delta.setGraphic(arrow);
        t.toneProperty().addListener((obs, o, n) -> tone(delta, arrow, n));
        tone(delta, arrow, t.toneProperty().get());
        Tooltip tip = new Tooltip(t.help());
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        t.standingProperty().addListener((obs, o, n) -> standing(value, tip, t, n));
        standing(value, tip, t, t.standingProperty().get());
        // A delta that is empty keeps its height, so a figure never jumps when a change appears.
        delta.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(0, title, value, delta);
        card.getStyleClass().add("tile");
        card.setId("tile-" + t.id());
        card.setFocusTraversable(false);
        Tooltip.install(card, tip);
        card.setAccessibleText(t.title());
        return card;
    }

    /** Within a group the group title says what; the figure's own caption says which. */
    private static String shortTitle(Tile t) {
        return switch (t.id()) {
            case "revenue" -> "Revenue";
            case "cogs" -> "Cost of revenue";
            case "reported", "ai-reported" -> "Reported";
            case "restated", "ai" -> "Restated";
            case "stressed", "ai-stressed", "ltv-stressed" -> "Stressed";
            case "ltv" -> "Restated";
            default -> t.title();
        };
    }

    private static void standing(Label value, Tooltip tip, Tile t, Benchmarks.Standing s) {
        value.getStyleClass().removeAll("standing-strong", "standing-watch", "standing-weak");
        if (s != Benchmarks.Standing.NONE) {
            value.getStyleClass().add("standing-" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
        tip.setText(t.help() + (s == Benchmarks.Standing.NONE ? "" : "\nNow " + s.words() + "."));
    }

    private static void tone(Label delta, FontIcon arrow, Tile.Tone tone) {
        delta.getStyleClass().removeAll("tone-up", "tone-down", "tone-flat");
        switch (tone) {
            case UP -> {
                arrow.setIconCode(Feather.TRENDING_UP);
                delta.getStyleClass().add("tone-up");
            }
            case DOWN -> {
                arrow.setIconCode(Feather.TRENDING_DOWN);
                delta.getStyleClass().add("tone-down");
            }
            case FLAT -> {
                arrow.setIconCode(Feather.MINUS);
                delta.getStyleClass().add("tone-flat");
            }
            case NONE -> arrow.setIconCode(Feather.MINUS);
        }
        delta.setGraphic(tone == Tile.Tone.NONE ? null : arrow);
    }
}
