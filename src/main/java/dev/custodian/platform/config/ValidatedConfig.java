package dev.custodian.platform.config;

/**
 * A configuration bean that checks its own values. {@link ConfigValidation} finds every such bean during deployment
 * and calls {@link #validate()}, so a feature plugs its configuration into the startup check without the platform
 * knowing it.
 */
public interface ValidatedConfig {

    /**
     * Reads this bean's values once.
     *
     * @throws InvalidConfigurationException naming the key and the value that is wrong
     */
    void validate();
}
