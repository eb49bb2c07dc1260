package dev.custodian.platform.logging;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Writes to the process's real standard output. Application servers replace {@code System.out} with a stream
 * that re-logs each line through the server's own logger (adding its prefix), which would break one JSON
 * object per line; the file descriptor is what a container runtime collects.
 */
public class StdoutAppender<E> extends OutputStreamAppender<E> {

    @Override
    public void start() {
        setOutputStream(new FileOutputStream(FileDescriptor.out));
        super.start();
    }
}
