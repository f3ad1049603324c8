module a.kefucost/clilocale

go 1.26
