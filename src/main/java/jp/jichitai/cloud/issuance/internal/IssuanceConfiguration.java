package jp.jichitai.cloud.issuance.internal;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.jichitai.cloud.certificates.CertificateRenderer;

@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    /** One renderer for the whole service: it parses the font once and is safe to share. */
    @Bean
    CertificateRenderer certificateRenderer(@Value("${jc.public-base-url}") URI publicBaseUrl) {
        return CertificateRenderer.create(publicBaseUrl);
    }
}
