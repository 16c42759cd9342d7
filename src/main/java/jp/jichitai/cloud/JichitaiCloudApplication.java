package jp.jichitai.cloud;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application: started by {@code ./jc serve}, never by the pure command-line tools. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JichitaiCloudApplication {
}
