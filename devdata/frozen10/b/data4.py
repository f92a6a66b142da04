D("http://doorbraakindienstverlening.nl/hoofdprincipes.html","opinion",
"De publieke dienstverlening is nog niet uitontwikkeld en krijgt de komende decennia nog volop te maken met ingrijpende ontwikkelingen. Auteurs die over de toekomst hebben nagedacht, adviseren een herbezinning op overheidsoptreden (Kelly: maak gebruik van de nieuwe maatschappelijke mechanismen; Jensen: bedenk wat de informatie-samenleving bij mensen teweeg brengt en vergeet vooral niet dat informatie betekenis moet hebben) en een herordening van kerntaken langs nieuwe principes (Treacy en Wiersema, Hagel en Singer) waarmee de individuele klant beter bediend kan worden. Dat laatste wordt onderstreept door Prahalad en Krishnan met de toevoeging dat we wezenlijk moeten veranderen om elke klant individueel te kunnen bedienen.",
 F(["burger","inwoner"],"Applies business frameworks to the citizen of public services."),
 F(["burger","inwoner"],"Same: the citizen served by the public sector."))
D("http://doorbraakindienstverlening.nl/hoofdprincipes.html","opinion",
"• De individuele klant zal meer centraal moeten komen te staan. De genoemde (en vele andere) benaderingen betogen dat het maximaal kennen en bedienen van de klant het belangrijkste uitgangspunt is dat houvast en kansen geeft. Voor de duidelijkheid: dat gaat niet over klantvriendelijkheid of het voorkomen van klachten.",
 F(["burger","inwoner"],"The citizen in the Dutch public sector."),
 F(["burger","inwoner"],"The citizen in the Dutch public sector."),
 F(["vriendelijkheid"],"Friendliness of public service, used (though negated) as the writer's own term."))
D("http://doorbraakindienstverlening.nl/hoofdprincipes.html","opinion",
"Het gaat om het integraal weten wat elke individuele klant wil, liefst anticiperend voordat hij of zij erover begint. Voordat hij of zij er zelfs maar aan gedacht heeft. Gegevens waaruit dat kan worden opgemaakt, zijn nog teveel versnipperd al is er al wel veel beschikbaar. Cruciaal is dat een organisatie gewend en in staat is om ze te verzamelen en gebruiken - als beginpunt van het denken in plaats van als eindpunt van beleidsuitvoering. En als we voor de klant aan de slag gaan verdient de klant veel meer invloed dan nu.",
 F(["burger","inwoner"],"Citizen of public services."),
 F(["burger","inwoner"],"Citizen of public services."),
 F(["burger","inwoner"],"Citizen of public services."))
D("http://docplayer.nl/6666631-Handreiking-kostprijsberekening.html","guide",
"Het hebben van inzicht in de verkoopprijs is van belang voor: De voorbereiding op de te maken productie en prijsafspraken met de zorgverzekeraars. De voorbereiding op de te maken prijsafspraken met cliënten die zelf hun zorg inkopen. Omdat deze afspraken worden gemaakt in termen van zorgzwaartepakketten dient bij de kostprijsberekening het zorgzwaartepakket als uitgangspunt te worden genomen.",
 S, U("Clients with a personal budget buy their own care: a real purchase, yet care is the good; defensible as commercial or flag."))
