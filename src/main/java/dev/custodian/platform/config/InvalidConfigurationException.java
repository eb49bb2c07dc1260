package dev.custodian.platform.config;

/** Stops the deployment: names the key, the value and what is wrong with it. */
public class InvalidConfigurationException extends RuntimeException {

    private final String key;

    public InvalidConfigurationException(String key, String value, String reason) {
        super("Invalid configuration " + key + "=" + value + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
