package dev.custodian.platform.http;

import dev.custodian.platform.config.Settings;
import dev.custodian.platform.problem.BodyTooLargeException;
import dev.custodian.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a request body over its limit before anything reads it: a {@code Content-Length} over the limit is a 413
 * at once (the body is never read); a body without one (chunked) is counted while it is read and cut off at the
 * limit, also a 413. JSON and other bodies have {@code custodian.api.max-json-size}; multipart uploads have
 * {@code custodian.upload.max-size} plus 64 KiB for their other parts and headers. A URL carrying an encoded NUL
 * ({@code %00}) is a 400 here too: no database stores NUL in a text column.
 */
@WebFilter(filterName = "RequestLimits", urlPatterns = "/*", asyncSupported = true)
public class RequestLimits extends HttpFilter {

    static final String JSON_KEY = "custodian.api.max-json-size";
    static final String UPLOAD_KEY = "custodian.upload.max-size";
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    Settings settings;

    private long maxJson;
    private long maxUpload;

    @Override
    public void init() {
        maxJson = settings.size(JSON_KEY);
        maxUpload = settings.size(UPLOAD_KEY);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if ((query != null && query.contains("%00")) || request.getRequestURI().contains("%00")) {
            Problems.write(response, 400, "The URL contains a NUL character (%00), which no value may hold");
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = multipart ? maxUpload + MULTIPART_OVERHEAD : maxJson;
        String detail = "The request body is larger than the limit of " + limit + " bytes ("
                + (multipart ? UPLOAD_KEY + " plus " + MULTIPART_OVERHEAD + " bytes for the form's other parts" : JSON_KEY) + ")";
        long length = request.getContentLengthLong();
        if (length > limit) {
            response.setHeader("Connection", "close");
            Problems.write(response, 413, detail);
            return;
        }
        chain.doFilter(length < 0 ? new Counted(request, limit, detail) : request, response);
    }

    /** A request whose body stream fails with {@link BodyTooLargeException} once it has given {@code limit} bytes. */
    static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private final String detail;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit, String detail) {
            super(request);
            this.limit = limit;
            this.detail = detail;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, detail);
            }
            return stream;
        }
    }

    static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String detail;
        private long count;

        CountingStream(ServletInputStream in, long limit, String detail) {
            this.in = in;
            this.limit = limit;
            this.detail = detail;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(detail);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
