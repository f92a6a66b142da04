D("https://www.meedemeentgroep.nl/clienten/cli%C3%ABnt-bij-mee/ontevreden-of-klacht/externe-klachtencommissie-mee-stichtingen-brabant-en-limburg/veel-gestelde-vragen-klachtencommissie","help-page",
"U kunt een klacht indienen als klant van een MEE-organisatie in Noord-Brabant en Limburg, als wettelijk vertegenwoordiger, ouder of voogd, kind, broer, zus of schriftelijk gemachtigde van de klant.",
 F(["cliënt","inwoner"],"People receiving publicly funded client support from MEE are called customers."),
 F(["cliënt","inwoner"],"Same: the person receiving MEE support."))
D("http://docplayer.nl/2539478-Jaarstukken-2011-stichting-voorwerk-ede.html","annual-report",
"In september 2011 volgde het collegebesluit dat de activiteiten van Voorwerk afgebouwd worden. Dit besluit heeft grote gevolgen voor de medewerkers en de klanten van Voorwerk, maar ook voor de toekomst van onze succesvolle projecten Service voor de Wijk en Re-Bike.",
 F(["deelnemers","cliënten"],"Participants in municipally funded re-integration trajectories."))
D("https://www.rtvoost.nl/nieuws/1535262/Verdrinken-in-schulden-wat-als-je-door-corona-in-de-financiele-problemen-komt","news",
"Wie bij de Stadsbank in Enschede aanklopt, ontmoet Erik Weide. Als klantmanager is hij ook een soort gastheer. Zijn eerste taak: mensen op hun gemak stellen.",
 F(["consulent","schuldhulpverlener"],"Job title at the municipal credit bank that helps residents with debts."))
D("http://reflexies.nl/reflexies-wie-is-de-klant-in-het-onderwijs/","opinion",
"Is de school een bedrijf als alle andere? Zou ze opereren in een volledig transparante markt met volledige vrije concurrentie, dan zou de klant op de eerste plaats staan. Maar omdat de school geen gewoon bedrijf is, omdat de markt verre van transparant is en er van vrije concurrentie geen sprake is, fungeert de school vaak als oligopolist. Ze lijkt daarmee verdacht veel op de energieleverancier of het kabelbedrijf. Van die bedrijven die er alles aan doen nieuwe klanten binnen te halen, maar die hun bestaande klanten confronteren met onbereikbare helpdesks en andere ergernissen.",
 U("Counterfactual market framing of a school; a reader could call it a mention of the concept or a use."),
 C("Customers of energy and cable companies."),C("Customers of energy and cable companies."))
