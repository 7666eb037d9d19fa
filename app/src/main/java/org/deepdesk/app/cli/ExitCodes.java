package org.deepdesk.app.cli;

/** The exit statuses of the command line, so scripts can tell bad input from a network that cannot work. */
public final class ExitCodes {

    public static final int OK = 0;

    /** A missing or unreadable file, an unknown preset, an invalid option value, a blank image. */
    public static final int BAD_INPUT = 1;

    /** The layer stack fails shape inference, so it cannot be trained. */
    public static final int INVALID_NETWORK = 2;

    private ExitCodes() {
    }
}
