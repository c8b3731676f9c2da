CREATE DATABASE mandate_service;
CREATE DATABASE meeting_service;
CREATE DATABASE report_service;
