package org.deepdesk.app.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.build.BuildView;
import org.deepdesk.app.draw.DrawView;
import org.deepdesk.app.evaluate.EvaluateView;
import org.deepdesk.app.inside.InsideView;
import org.deepdesk.app.train.TrainView;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: menu bar and the Build, Train and Draw tabs. Switching the language rebuilds
 * the views from the same view models, so nothing the user did is lost.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final String STYLESHEET = "/org/deepdesk/ui/deepdesk.css";

    private final Workbench workbench;
    private final Stage stage;
    private final Optional<String> cjkFamily = UiFonts.cjkFamily();
    private MainMenu menu;
    private BuildView buildView;
    private DrawView drawView;
    private EvaluateView evaluateView;
    private InsideView insideView;

    public MainWindow(Workbench workbench, Stage stage) {
        this.workbench = workbench;
        this.stage = stage;
        if (cjkFamily.isEmpty()) {
            LOG.warn("No font with Chinese glyphs found; install one such as fonts-noto-cjk for the Chinese UI");
        }
    }

    /** Shows the window and, when given, opens a model file such as one passed on the command line. */
    public void show(Optional<Path> modelFile) {
        show();
        modelFile.ifPresent(file -> menu.openModel(file));
    }

    public void show() {
        Scene scene = new Scene(createRoot(0), 1280, 760);
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        workbench.localeProperty().addListener((observable, old, locale) -> rebuild());
        stage.show();
    }

    private void rebuild() {
        int selectedTab = ((TabPane) ((BorderPane) stage.getScene().getRoot()).getCenter()).getSelectionModel().getSelectedIndex();
        buildView.dispose();
        drawView.dispose();
        evaluateView.dispose();
        insideView.dispose();
        // The new canvas starts empty, so the prediction of the old drawing goes too.
        workbench.draw().clear();
        stage.getScene().setRoot(createRoot(selectedTab));
    }

    private Parent createRoot(int selectedTab) {
        Messages messages = workbench.messages();
        stage.setTitle(messages.get("app.title"));
        boolean chinese = "zh".equals(workbench.localeProperty().get().getLanguage());
        String chartFamily = chinese ? cjkFamily.orElse(null) : null;

        buildView = new BuildView(workbench.build(), workbench.epochTime(), messages);
        TrainView trainView = new TrainView(workbench.train(), workbench.build(), messages, chartFamily);
        drawView = new DrawView(workbench.draw(), messages);
        evaluateView = new EvaluateView(workbench.evaluate(), messages);
        insideView = new InsideView(workbench.draw(), workbench.background(), messages);

        TabPane tabs = new TabPane(
                tab("buildTab", messages.get("tab.build"), buildView),
                tab("trainTab", messages.get("tab.train"), trainView),
                tab("drawTab", messages.get("tab.draw"), drawView),
                tab("evaluateTab", messages.get("tab.evaluate"), evaluateView),
                tab("insideTab", messages.get("tab.inside"), insideView));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(selectedTab);

        BorderPane root = new BorderPane(tabs);
        menu = new MainMenu(workbench, stage, messages);
        root.setTop(menu.create());
        root.getStyleClass().add("deepdesk-root");
        if (chinese && cjkFamily.isPresent()) {
            root.setStyle("-fx-font-family: '" + cjkFamily.get() + "';");
        }
        return root;
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    static Locale[] locales() {
        return new Locale[] {Messages.ENGLISH, Messages.SIMPLIFIED_CHINESE};
    }
}
