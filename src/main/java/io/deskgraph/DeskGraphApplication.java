package io.deskgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of DeskGraph, the GraphQL gateway over cloud-desktop usage statistics.
 *
 * @author DeskGraph
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeskGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeskGraphApplication.class, args);
	}

}
