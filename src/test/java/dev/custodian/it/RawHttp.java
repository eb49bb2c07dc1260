package dev.custodian.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not send: URLs it refuses, bodies of
 * 50 MB generated on the fly (never held in memory), with a {@code Content-Length} or chunked. The body is written on
 * another thread while the answer is read, so that a server answering 413 before it reads the body (and closing the
 * connection) is seen answering, not as a broken pipe.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * A body of {@code length} bytes: {@code prefix}, {@code filler} repeated, {@code suffix}; sent chunked when
     * {@code chunked}.
     */
    record Generated(String contentType, String prefix, byte filler, String suffix, long length, boolean chunked) {

        static Generated of(String contentType, String text) {
            return new Generated(contentType, text, (byte) ' ', "", text.getBytes(StandardCharsets.UTF_8).length, false);
        }

        void writeTo(OutputStream out) throws IOException {
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, filler);
            long left = length;
            if (chunked) {
                writeChunk(out, head, head.length);
            } else {
                out.write(head);
            }
            left -= head.length + tail.length;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                if (chunked) {
                    writeChunk(out, block, n);
                } else {
                    out.write(block, 0, n);
                }
                left -= n;
            }
            if (chunked) {
                if (tail.length > 0) {
                    writeChunk(out, tail, tail.length);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(tail);
            }
            out.flush();
        }

        private static void writeChunk(OutputStream out, byte[] data, int n) throws IOException {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    static Api.Reply send(String method, String target, Map<String, String> headers, Generated body) {
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\n");
                head.append(body.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    if (body != null) {
                        body.writeTo(out);
                    }
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body: expected for refused bodies
                }
            });
            Api.Reply reply = read(socket.getInputStream());
            sending.cancel(true);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Reply read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        return new Api.Reply(code, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
