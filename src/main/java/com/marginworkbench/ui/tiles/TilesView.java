package com.marginworkbench.ui.tiles;

import com.marginworkbench.ui.util.Benchmarks;
import com.marginworkbench.ui.workbench.Tile;
import com.marginworkbench.ui.workbench.TilesViewModel;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
 * reading the reader doubts) a banner says why in place of the figures; when the reader is only
 * moderately sure, a "Medium confidence" caution follows the figures, its reasons in its tooltip.
 */
public final class TilesView extends javafx.scene.layout.Region {
    private static final double BANNER_WIDTH = 480;

    private final FlowPane strip = new FlowPane();
    private final Button mappingButton = new Button("Open mapping");
    private final javafx.scene.text.Text bannerText = new javafx.scene.text.Text();
    private final FontIcon bannerIcon = new FontIcon(Feather.ALERT_OCTAGON);
    /** The banner: icon, sentence, a gap and the button, in a row laid out by {@link #layoutChildren}. */
    private final HBox banner = new HBox(12);
    /** Measures the banner's sentence off the scene. */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** The caution beside the figures when the reader is only moderately sure of its reading. */
    private final Button cautionButton = new Button("Medium confidence");
    private final Tooltip cautionTip = new Tooltip();
    private final VBox cautionGroup;

    /** What "Open mapping" on the banner, or the caution, does (the window opens its mapping view). */
    public void setOnOpenMapping(Runnable action) {
        mappingButton.setOnAction(e -> action.run());
        cautionButton.setOnAction(e -> action.run());
    }

    /** The caution's full sentence, or "" when none is shown. */
    public String cautionText() {
        return cautionGroup.isVisible() && strip.isVisible() ? cautionTip.getText() : "";
    }

    /** The banner's sentence, or "" when the figures are shown. */
    public String bannerText() {
        return banner.isVisible() ? bannerText.getText() : "";
    }

    /** The headline of {@code vm}'s tiles, or its banner when the figures are withheld. */
    public TilesView(TilesViewModel vm) {
        this(vm.tiles(), vm.plausibilityProperty(), vm.cautionProperty());
    }

    /**
     * @param tiles        the figures, found by id
     * @param plausibility why the figures are not fit to show, "" when they are
     * @param caution      what the reader doubts while the figures are shown, "" when it is sure
     */
    private TilesView(List<Tile> tiles, ObservableStringValue plausibility, ObservableStringValue caution) {
        getStyleClass().add("headline");
        Map<String, Tile> byId = tiles.stream().collect(Collectors.toMap(Tile::id, Function.identity()));
        strip.getStyleClass().add("headline-strip");
        strip.setHgap(6);
        strip.setVgap(6);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getChildren().addAll(
                group("Money", byId, "revenue", "cogs"),
                group("Blended gross margin", byId, "reported", "restated", "stressed"),
                group("AI-layer gross margin", byId, "ai-reported", "ai", "ai-stressed"),
                group("LTV:CAC", byId, "ltv", "ltv-stressed"));
        cautionGroup = caution(caution);
        strip.getChildren().add(cautionGroup);

        bannerText.getStyleClass().add("headline-banner-text");
        bannerText.setId("headlineBannerText");
        bannerText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Figures withheld: " + plausibility.get(), plausibility));
        mappingButton.setId("bannerOpenMapping");
        mappingButton.setGraphic(new FontIcon(Feather.GRID));
        mappingButton.setTooltip(new Tooltip("See how the workbook was read and correct the sheet, rows, units or signs"));
        mappingButton.setMinWidth(Region.USE_PREF_SIZE);
        bannerIcon.setIconSize(22);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        banner.getChildren().addAll(bannerIcon, bannerText, gap, mappingButton);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("headline-banner");
        banner.setId("headlineBanner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !plausibility.get().isEmpty(), plausibility));
        strip.visibleProperty().bind(banner.visibleProperty().not());
        // Only the one shown takes part in layout: a hidden wrapping label would still size the strip.
        banner.managedProperty().bind(banner.visibleProperty());
        strip.managedProperty().bind(strip.visibleProperty());
        getChildren().addAll(strip, banner);
    }

    // Laid out by hand, in this one place: the child shown (strip or banner) gets the whole width
    // and the height it needs at that width. The banner's sentence is measured with a detached
    // text, so measuring never changes the scene and one layout pass cannot feed the next (a
    // wrapping label in a stack in a box let the panes grow on every pass).

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        double inner = banner.isVisible() ? BANNER_WIDTH : strip.prefWidth(-1);
        return snappedLeftInset() + inner + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        inner = Math.max(0, inner);
        double child = banner.isVisible() ? bannerHeight(inner) : strip.prefHeight(inner);
        return snappedTopInset() + child + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, getWidth() - x - snappedRightInset());
        double h = Math.max(0, getHeight() - y - snappedBottomInset());
        if (banner.isVisible()) {
            double wrap = bannerWrap(w);
            if (bannerText.getWrappingWidth() != wrap) {
                bannerText.setWrappingWidth(wrap);
            }
            double bh = Math.min(h, bannerHeight(w));
            banner.resizeRelocate(x, y + Math.max(0, (h - bh) / 2), w, bh);
        } else {
            double sh = Math.min(h, strip.prefHeight(w));
            strip.resizeRelocate(x, y + Math.max(0, (h - sh) / 2), w, sh);
        }
    }

    /** The width the banner's sentence wraps at when the banner is {@code width} wide. */
    private double bannerWrap(double width) {
        double fixed = banner.snappedLeftInset() + banner.snappedRightInset() + bannerIcon.prefWidth(-1)
                + mappingButton.prefWidth(-1) + 3 * banner.getSpacing();
        return Math.max(120, width - fixed);
    }

    /** The banner's height at {@code width}: its tallest part, the sentence wrapped at that width. */
    private double bannerHeight(double width) {
        measure.setFont(bannerText.getFont());
        measure.setText(bannerText.getText());
        measure.setWrappingWidth(bannerWrap(width));
        double content = Math.max(Math.max(bannerIcon.prefHeight(-1), mappingButton.prefHeight(-1)),
                measure.getLayoutBounds().getHeight());
        return banner.snappedTopInset() + content + banner.snappedBottomInset();
    }

    /** "Reading: Medium confidence", the reasons in its tooltip; a click opens the mapping. */
    private VBox caution(ObservableStringValue caution) {
        Label head = new Label("Reading");
        head.getStyleClass().add("headline-group-title");
        cautionButton.setId("headlineCaution");
        cautionButton.getStyleClass().add("headline-caution");
        cautionButton.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        cautionButton.setMinWidth(Region.USE_PREF_SIZE);
        cautionButton.setFocusTraversable(false);
        cautionTip.textProperty().bind(caution);
        cautionTip.setWrapText(true);
        cautionTip.setMaxWidth(420);
        cautionButton.setTooltip(cautionTip);
        cautionButton.accessibleTextProperty().bind(caution);
        VBox g = new VBox(1, head, cautionButton);
        g.getStyleClass().addAll("headline-group", "headline-caution-group");
        g.setId("headlineCautionGroup");
        g.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !caution.get().isEmpty(), caution));
        g.managedProperty().bind(g.visibleProperty());
        return g;
    }

    private static VBox group(String title, Map<String, Tile> byId, String... ids) {
        Label head = new Label(title);
        head.getStyleClass().add("headline-group-title");
        HBox figures = new HBox(8);
        figures.getStyleClass().add("headline-figures");
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
