package dev.driftgate.dialect;

import dev.driftgate.DriftgateException;

/** The server is of a version driftgate does not support; the message names the supported ones. */
public final class UnsupportedServerException extends DriftgateException {
    private static final long serialVersionUID = 1L;

    public UnsupportedServerException(String message) {
        super(message);
    }
}
