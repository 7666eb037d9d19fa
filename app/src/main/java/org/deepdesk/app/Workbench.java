package org.deepdesk.app;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.app.build.EpochTimeEstimator;
import org.deepdesk.app.data.DataViewModel;
import org.deepdesk.app.draw.DrawViewModel;
import org.deepdesk.app.draw.HandwritingFolder;
import org.deepdesk.app.draw.HandwritingViewModel;
import org.deepdesk.app.evaluate.EvaluateViewModel;
import org.deepdesk.app.project.ProjectViewModel;
import org.deepdesk.app.project.RecentFiles;
import org.deepdesk.app.project.Recovery;
import org.deepdesk.app.train.TrainViewModel;
import org.deepdesk.i18n.Messages;

/**
 * The state shared by the three views: the language, the network being designed, the trained
 * network and the datasets. View models live here so that a language switch can rebuild the
 * views without losing anything.
 */
public final class Workbench {

    private final ObjectProperty<Locale> locale;
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "deepdesk-background");
        thread.setDaemon(true);
        return thread;
    });
    private final Datasets datasets = new Datasets();
    private final BuildViewModel build;
    private final TrainViewModel train;
    private final DrawViewModel draw;
    private final HandwritingViewModel handwriting;
    private final EpochTimeEstimator epochTime;
    private final EvaluateViewModel evaluate;
    private final DataViewModel data;
    private final ProjectViewModel project;

    public Workbench(Locale initialLocale) {
        this(initialLocale, RecentFiles.forUser(), Recovery.forUser());
    }

    /** A workbench with the given recent-files list and recovery folder, such as a test's own. */
    public Workbench(Locale initialLocale, RecentFiles recentFiles, Recovery recovery) {
        this.locale = new SimpleObjectProperty<>(Messages.supportedLocale(initialLocale));
        this.build = new BuildViewModel();
        this.train = new TrainViewModel(build, datasets, background);
        this.draw = new DrawViewModel(train.networkProperty(), background);
        this.handwriting = new HandwritingViewModel(train.networkProperty(), train.runningProperty(), train::settings,
                datasets::mnistTraining, HandwritingFolder.current(), background);
        handwriting.load();
        this.epochTime = new EpochTimeEstimator(build, train::settings);
        this.evaluate = new EvaluateViewModel(train.networkProperty(), datasets, background);
        this.data = new DataViewModel(datasets, build, train.validationSplitProperty(), background);
        this.project = new ProjectViewModel(build, train, data, handwriting, background, recentFiles, recovery);
        // Fine-tuning on the saved handwriting trains the network outside the Train view.
        project.watch(handwriting.fineTuningProperty());
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Messages messages() {
        return Messages.forLocale(locale.get());
    }

    public BuildViewModel build() {
        return build;
    }

    public TrainViewModel train() {
        return train;
    }

    public DrawViewModel draw() {
        return draw;
    }

    public HandwritingViewModel handwriting() {
        return handwriting;
    }

    public EpochTimeEstimator epochTime() {
        return epochTime;
    }

    public EvaluateViewModel evaluate() {
        return evaluate;
    }

    public DataViewModel data() {
        return data;
    }

    /** The open project file: saving, opening, recent files and autosave. */
    public ProjectViewModel project() {
        return project;
    }

    public ExecutorService background() {
        return background;
    }

    /** Stops a running training run and the background threads when the app closes. */
    public void shutdown() {
        train.stop();
        // A clean exit: the autosaved copy of unsaved work goes.
        project.shutdown();
        epochTime.shutdown();
        background.shutdownNow();
    }
}
