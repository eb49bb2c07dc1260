package dev.custodian.job.control;

/** A request body over its limit (413); nothing was written and no partial file is left. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    public static PayloadTooLargeException upload(long maxSize) {
        return new PayloadTooLargeException(
                "The upload is larger than the limit of " + maxSize + " bytes (custodian.upload.max-size)");
    }
}
