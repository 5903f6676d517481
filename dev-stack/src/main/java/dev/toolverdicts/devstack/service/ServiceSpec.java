package dev.toolverdicts.devstack.service;

import java.util.Optional;

/**
 * How to run one Spring Boot service of the platform.
 *
 * @param name     the Maven module, which is also the jar's name ({@code <name>/target/<name>.jar})
 * @param database its own PostgreSQL database, if it has one
 * @param sendsMail whether it gets the SMTP settings of the mail sink
 */
public record ServiceSpec(String name, int defaultPort, Optional<String> database, boolean sendsMail) {

    /** The short name used in the gateway's {@code services.<route>.uri} properties: catalog, review, web... */
    public String route() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }

    public boolean isGateway() {
        return name.equals(ServiceCatalog.GATEWAY);
    }
}
