package org.deepdesk.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.build.BuildView;
import org.deepdesk.app.classroom.AccessibleNames;
import org.deepdesk.app.classroom.Appearance;
import org.deepdesk.app.classroom.Lesson;
import org.deepdesk.app.classroom.LessonPanel;
import org.deepdesk.app.classroom.PresenterLayout;
import org.deepdesk.app.data.DataView;
import org.deepdesk.app.draw.DrawView;
import org.deepdesk.app.evaluate.EvaluateView;
import org.deepdesk.app.inside.InsideView;
import org.deepdesk.app.train.TrainView;
import org.deepdesk.engine.interop.keras.KerasImport;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: menu bar, the Build, Train, Draw, Evaluate and Inside tabs, and the guided
 * lesson's side panel. Switching the language rebuilds
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
    private final Appearance appearance = Appearance.forUser();
    private Lesson lesson;
    private LessonPanel lessonPanel;
    private DataView dataView;
    private final ProjectActions projects;

    public MainWindow(Workbench workbench, Stage stage) {
        this.workbench = workbench;
        this.stage = stage;
        this.projects = new ProjectActions(workbench, stage);
        workbench.project().fileProperty().addListener((observable, old, file) -> updateTitle());
        workbench.project().dirtyProperty().addListener((observable, was, dirty) -> updateTitle());
        if (cjkFamily.isEmpty()) {
            LOG.warn("No font with Chinese glyphs found; install one such as fonts-noto-cjk for the Chinese UI");
        }
        lesson = new Lesson(workbench);
        appearance.themeProperty().addListener((observable, old, theme) -> applyAppearance());
        appearance.presenterProperty().addListener((observable, was, presenter) -> applyAppearance());
    }

    /** Returns the theme and presenter mode of this window. */
    public Appearance appearance() {
        return appearance;
    }

    /** Returns the guided lesson of this window. */
    public Lesson lesson() {
        return lesson;
    }

    /** Returns the project file actions of this window. */
    public ProjectActions projects() {
        return projects;
    }

    /** Shows the window and, when given, opens a file passed on the command line with {@link #openFile}. */
    public void show(Optional<Path> file) {
        show();
        file.ifPresent(this::openFile);
    }

    /**
     * Opens a file by its extension: a {@code .deepdesk} file as a project, a {@code .h5},
     * {@code .hdf5} or {@code .keras} file as a Keras model to import, and anything else as a
     * DeepDesk model. The file is read in the background.
     */
    public void openFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(ProjectStore.EXTENSION)) {
            projects.open(path);
        } else if (KerasImport.isKerasFile(name)) {
            menu.importKeras(path);
        } else {
            menu.openModel(path);
        }
    }

    public void show() {
        // The Build tab opens first; the Data tab before it shows MNIST until another dataset is chosen.
        Scene scene = new Scene(createRoot(1), 1280, 760);
        stage.setScene(scene);
        applyAppearance();
        KeyboardShortcuts.install(scene, this::selectTab,
                () -> appearance.presenterProperty().set(!appearance.presenterProperty().get()), this::showShortcuts);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        workbench.localeProperty().addListener((observable, old, locale) -> rebuild());
        // Closing with unsaved changes asks first; the question consumes the request and closes itself.
        stage.setOnCloseRequest(event -> {
            if (workbench.project().dirtyProperty().get()) {
                event.consume();
                projects.closeWindow();
            }
        });
        stage.show();
    }

    private void rebuild() {
        int selectedTab = tabs().getSelectionModel().getSelectedIndex();
        buildView.dispose();
        drawView.dispose();
        evaluateView.dispose();
        insideView.dispose();
        dataView.dispose();
        // The new canvas starts empty, so the prediction of the old drawing goes too.
        workbench.draw().clear();
        stage.getScene().setRoot(createRoot(selectedTab));
        applyAppearance();
    }

    private void applyAppearance() {
        Scene scene = stage.getScene();
        if (scene == null) {
            return;
        }
        appearance.applyTo(scene, STYLESHEET);
        PresenterLayout.apply(scene.getRoot(), appearance.presenterProperty().get());
    }

    private TabPane tabs() {
        return (TabPane) ((BorderPane) stage.getScene().getRoot()).getCenter();
    }

    private void selectTab(int index) {
        if (index >= tabs().getTabs().size()) {
            return;
        }
        tabs().getSelectionModel().select(index);
        tabs().getSelectionModel().getSelectedItem().getContent().requestFocus();
    }

    private static void selectTab(TabPane tabs, String id) {
        tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    private void showShortcuts() {
        List<String> titles = tabs().getTabs().stream().map(Tab::getText).toList();
        ShortcutHelp.show(stage, titles, workbench.messages());
    }

    private void startLesson() {
        lesson.start();
        lessonPanel.show();
    }

    private Parent createRoot(int selectedTab) {
        Messages messages = workbench.messages();
        updateTitle();
        boolean chinese = "zh".equals(workbench.localeProperty().get().getLanguage());
        String chartFamily = chinese ? cjkFamily.orElse(null) : null;

        buildView = new BuildView(workbench.build(), workbench.epochTime(), messages);
        TrainView trainView = new TrainView(workbench.train(), workbench.build(), messages, chartFamily);
        drawView = new DrawView(workbench.draw(), workbench.handwriting(), messages);
        evaluateView = new EvaluateView(workbench.evaluate(), messages);
        insideView = new InsideView(workbench.draw(), workbench.background(), messages);
        dataView = new DataView(workbench.data(), workbench.handwriting().digitsProperty(), messages);

        TabPane tabs = new TabPane(
                tab("dataTab", messages.get("tab.data"), dataView),
                tab("buildTab", messages.get("tab.build"), buildView),
                tab("trainTab", messages.get("tab.train"), trainView),
                tab("drawTab", messages.get("tab.draw"), drawView),
                tab("evaluateTab", messages.get("tab.evaluate"), evaluateView),
                tab("insideTab", messages.get("tab.inside"), insideView));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(selectedTab);

        BorderPane root = new BorderPane(tabs);
        menu = new MainMenu(workbench, stage, messages, projects);
        MenuBar bar = menu.create();
        // The View menu goes before Help, the last menu by convention.
        bar.getMenus().add(bar.getMenus().size() - 1, ViewMenu.create(appearance, messages, this::startLesson, this::showShortcuts));
        root.setTop(bar);
        lessonPanel = new LessonPanel(lesson, messages, root, id -> selectTab(tabs, id));
        root.setRight(lessonPanel);
        if (lesson.activeProperty().get()) {
            lessonPanel.show();
        }
        root.getStyleClass().add("deepdesk-root");
        if (chinese && cjkFamily.isPresent()) {
            root.setStyle("-fx-font-family: '" + cjkFamily.get() + "';");
        }
        AccessibleNames.complete(root);
        return root;
    }

    /** Shows the project's name and, while there are unsaved changes, a {@code *} in the title bar. */
    private void updateTitle() {
        stage.setTitle(workbench.project().windowTitle(workbench.messages()));
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
