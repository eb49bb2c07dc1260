package dev.custodian.job.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/** A job's output file, open for reading: its stored name and its content (the caller closes the stream). */
public record JobOutput(String name, SeekableByteChannel channel) {

    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream content() {
        return Channels.newInputStream(channel);
    }
}
