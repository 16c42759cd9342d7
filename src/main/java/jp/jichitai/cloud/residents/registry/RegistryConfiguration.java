package jp.jichitai.cloud.residents.registry;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    IndividualNumberCipher individualNumberCipher(@Value("${jc.residents.individual-number-key:}") String key,
            @Value("${jc.data-dir}") Path dataDirectory) {
        return IndividualNumberCipher.fromConfiguration(key, dataDirectory);
    }
}
